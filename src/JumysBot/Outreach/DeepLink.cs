using System.Diagnostics.CodeAnalysis;

namespace JumysBot.Outreach;

/// <summary>What a <c>t.me/&lt;bot&gt;?start=…</c> link points at.</summary>
public enum DeepLinkTarget
{
    /// <summary>Only a campaign tag: the normal start, counted for the campaign.</summary>
    Campaign,

    /// <summary>A consultation point or career centre (<c>p-&lt;pointId&gt;</c>).</summary>
    Point,

    /// <summary>A support measure (<c>m-&lt;measureId&gt;</c>).</summary>
    Measure,
}

/// <summary>
/// A start link's payload: <c>p-&lt;pointId&gt;</c>, <c>m-&lt;measureId&gt;</c> or <c>c-&lt;campaign&gt;</c>, and after a point
/// or measure an optional <c>__&lt;campaign&gt;</c> (ids have no underscores). Telegram allows A–Z, a–z, 0–9, <c>_</c> and
/// <c>-</c>, at most 64 characters.
/// </summary>
public sealed record DeepLink(DeepLinkTarget Target, string Id, string? Campaign = null)
{
    public const int MaxPayloadLength = 64;
    private const string CampaignSeparator = "__";

    /// <summary>The source the statistics count: <c>p-temirtau</c>, <c>m-bastau-business</c>, <c>c-radio</c>.</summary>
    public string Source => Target switch
    {
        DeepLinkTarget.Point => "p-" + Id,
        DeepLinkTarget.Measure => "m-" + Id,
        _ => "c-" + Id,
    };

    public string Payload => Target == DeepLinkTarget.Campaign || Campaign is null ? Source : Source + CampaignSeparator + Campaign;

    public static bool TryParse(string? payload, [NotNullWhen(true)] out DeepLink? link)
    {
        link = null;
        if (string.IsNullOrEmpty(payload) || payload.Length > MaxPayloadLength || !payload.All(IsAllowed) || payload.Length < 3 || payload[1] != '-')
        {
            return false;
        }

        var rest = payload[2..];
        var target = payload[0] switch
        {
            'p' => DeepLinkTarget.Point,
            'm' => DeepLinkTarget.Measure,
            'c' => DeepLinkTarget.Campaign,
            _ => (DeepLinkTarget?)null,
        };
        if (target is null)
        {
            return false;
        }

        string? campaign = null;
        var split = rest.IndexOf(CampaignSeparator, StringComparison.Ordinal);
        if (split >= 0 && target != DeepLinkTarget.Campaign)
        {
            campaign = rest[(split + CampaignSeparator.Length)..];
            rest = rest[..split];
            if (campaign.Length == 0)
            {
                return false;
            }
        }

        if (rest.Length == 0)
        {
            return false;
        }

        link = new DeepLink(target.Value, rest, campaign);
        return true;
    }

    /// <summary>The link a poster or a partner's page carries.</summary>
    public Uri Url(string botUsername)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(botUsername);
        var payload = Payload;
        if (payload.Length > MaxPayloadLength || !payload.All(IsAllowed))
        {
            throw new InvalidOperationException($"The start payload '{payload}' breaks Telegram's rules (A–Z, a–z, 0–9, _ and -, at most {MaxPayloadLength}).");
        }

        return new Uri($"https://t.me/{botUsername.TrimStart('@')}?start={payload}");
    }

    private static bool IsAllowed(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '-';
}
