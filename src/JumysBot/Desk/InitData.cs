using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace JumysBot.Desk;

/// <summary>The Telegram user a Mini App was opened by, as its signed <c>initData</c> says.</summary>
public sealed record DeskUser(long Id, string FirstName, string? LanguageCode);

/// <summary>Why an <c>initData</c> was refused.</summary>
public enum InitDataProblem
{
    None,
    Missing,
    Malformed,
    BadSignature,
    Stale,
}

/// <summary>
/// Checks a Mini App's <c>initData</c> as the Bot API documentation specifies ("Validating data received via the Mini
/// App"): the data-check-string is every received field but <c>hash</c>, as <c>key=value</c> sorted by key and joined
/// with line feeds; the secret key is HMAC-SHA-256 of the bot token keyed with <c>WebAppData</c>; <c>hash</c> is the
/// hex HMAC-SHA-256 of the data-check-string under that key. <c>auth_date</c> must be recent.
/// </summary>
public static class InitData
{
    public const string Header = "X-Telegram-Init-Data";

    /// <summary>The same data as a form field, for the one plain form post (the CSV download).</summary>
    public const string FormField = "initData";

    private const int MaxLength = 8192;

    /// <summary>A clock difference Telegram's servers and this one may have.</summary>
    private static readonly TimeSpan _skew = TimeSpan.FromMinutes(5);

    public static (DeskUser? User, InitDataProblem Problem) Validate(string? initData, string botToken, DateTimeOffset now, TimeSpan maxAge)
    {
        ArgumentException.ThrowIfNullOrEmpty(botToken);
        if (string.IsNullOrEmpty(initData))
        {
            return (null, InitDataProblem.Missing);
        }

        if (initData.Length > MaxLength || Parse(initData) is not { } fields
            || !fields.TryGetValue("hash", out var hash) || hash.Length != 64 || !IsHex(hash))
        {
            return (null, InitDataProblem.Malformed);
        }

        var dataCheckString = string.Join('\n', fields.Where(f => f.Key != "hash").OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => $"{f.Key}={f.Value}"));
        var secret = HMACSHA256.HashData(Encoding.UTF8.GetBytes("WebAppData"), Encoding.UTF8.GetBytes(botToken));
        var expected = HMACSHA256.HashData(secret, Encoding.UTF8.GetBytes(dataCheckString));
        if (!CryptographicOperations.FixedTimeEquals(expected, Convert.FromHexString(hash)))
        {
            return (null, InitDataProblem.BadSignature);
        }

        if (!fields.TryGetValue("auth_date", out var authDate) || !long.TryParse(authDate, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return (null, InitDataProblem.Malformed);
        }

        var signedAt = DateTimeOffset.FromUnixTimeSeconds(Math.Min(seconds, 253402300799));
        if (now - signedAt > maxAge || signedAt - now > _skew)
        {
            return (null, InitDataProblem.Stale);
        }

        return fields.TryGetValue("user", out var user) && ReadUser(user) is { } deskUser
            ? (deskUser, InitDataProblem.None)
            : (null, InitDataProblem.Malformed);
    }

    /// <summary>The query string's fields, URL-decoded; null when a field repeats or has no name.</summary>
    private static Dictionary<string, string>? Parse(string initData)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in initData.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var key = WebUtility.UrlDecode(equals < 0 ? pair : pair[..equals]);
            var value = equals < 0 ? "" : WebUtility.UrlDecode(pair[(equals + 1)..]);
            if (key.Length == 0 || !fields.TryAdd(key, value))
            {
                return null;
            }
        }

        return fields;
    }

    private static bool IsHex(string text) => text.All(char.IsAsciiHexDigit);

    private static DeskUser? ReadUser(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            return root.ValueKind == JsonValueKind.Object && root.TryGetProperty("id", out var id) && id.TryGetInt64(out var userId) && userId > 0
                ? new DeskUser(
                    userId,
                    root.TryGetProperty("first_name", out var name) && name.ValueKind == JsonValueKind.String ? name.GetString() ?? "" : "",
                    root.TryGetProperty("language_code", out var language) && language.ValueKind == JsonValueKind.String ? language.GetString() : null)
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
