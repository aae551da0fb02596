using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace JumysBot.Tests.Desk;

/// <summary>
/// Signs a Mini App's <c>initData</c> the way Telegram does, written here from the Bot API documentation on its own,
/// not with the bot's code: fields sorted by key as <c>key=value</c> lines, HMAC-SHA-256 under the key that is
/// HMAC-SHA-256 of the bot token keyed with "WebAppData", in hex.
/// </summary>
internal static class TelegramSignature
{
    /// <summary>Telegram writes the user's JSON with its letters as they are, not as \u escapes.</summary>
    private static readonly JsonSerializerOptions _asTelegramWrites = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string InitData(string botToken, long userId, string firstName, string languageCode, DateTimeOffset signedAt)
    {
        var user = JsonSerializer.Serialize(
            new Dictionary<string, object> { ["id"] = userId, ["first_name"] = firstName, ["language_code"] = languageCode, ["allows_write_to_pm"] = true },
            _asTelegramWrites);
        var fields = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["auth_date"] = signedAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
            ["chat_instance"] = "-4815162342",
            ["chat_type"] = "sender",
            ["user"] = user,
        };
        var hash = Hash(botToken, string.Join('\n', fields.Select(f => $"{f.Key}={f.Value}")));
        return string.Join('&', fields.Select(f => $"{f.Key}={Uri.EscapeDataString(f.Value)}")) + "&hash=" + hash;
    }

    public static string Hash(string botToken, string dataCheckString)
    {
        using var keyed = new HMACSHA256(Encoding.UTF8.GetBytes("WebAppData"));
        using var signer = new HMACSHA256(keyed.ComputeHash(Encoding.UTF8.GetBytes(botToken)));
        return Convert.ToHexStringLower(signer.ComputeHash(Encoding.UTF8.GetBytes(dataCheckString)));
    }
}
