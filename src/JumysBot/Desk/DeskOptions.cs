using System.ComponentModel.DataAnnotations;

namespace JumysBot.Desk;

/// <summary>
/// The <c>Desk</c> section: the consultants' desk and the administrators' dashboard, a Telegram Mini App served by the
/// bot's own host. Without <see cref="BaseUrl"/> the desk is off: no pages, no buttons.
/// </summary>
public sealed class DeskOptions
{
    public const string SectionName = "Desk";

    /// <summary>The public https address Telegram opens the Mini App at (the bot's host as the internet reaches it).</summary>
    public Uri? BaseUrl { get; set; }

    /// <summary>How old a Mini App's signed <c>initData</c> may be; Telegram signs it when the app is opened.</summary>
    [Range(1, 7 * 24 * 60)]
    public int InitDataMaxAgeMinutes { get; set; } = 12 * 60;

    /// <summary>How long an answer of Telegram's <c>getChatMember</c> is trusted before it is asked again.</summary>
    [Range(0, 3600)]
    public int MembershipCacheSeconds { get; set; } = 60;

    /// <summary>Working hours from a request to its first contact that the region promises; later is overdue.</summary>
    [Range(1, 400)]
    public int FirstContactSlaWorkingHours { get; set; } = 8;

    /// <summary>The desk's own address: <c>{BaseUrl}/desk/</c>.</summary>
    public Uri? DeskUrl => BaseUrl is null ? null : new Uri(new Uri(BaseUrl.AbsoluteUri.TrimEnd('/') + "/"), "desk/");

    public bool IsOn => BaseUrl is not null;
}
