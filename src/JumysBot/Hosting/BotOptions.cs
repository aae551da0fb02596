using System.ComponentModel.DataAnnotations;

namespace JumysBot.Hosting;

/// <summary>The <c>Bot</c> configuration section.</summary>
public sealed class BotOptions
{
    public const string SectionName = "Bot";

    /// <summary>Telegram user ids of the administrators at the regional employment department.</summary>
    public IReadOnlyList<long> AdminIds { get; set; } = [];

    /// <summary>How many chats are handled at the same time; each chat's own updates always go one by one.</summary>
    [Range(1, 256)]
    public int MaxParallelChats { get; set; } = 16;

    /// <summary>The folder with strings.*.yaml and the other content files; empty means the one beside the app.</summary>
    public string? ContentPath { get; set; }

    /// <summary>More than this many updates from one chat within <see cref="FloodWindowSeconds"/> is a flood.</summary>
    [Range(1, 1000)]
    public int FloodLimit { get; set; } = 20;

    [Range(1, 3600)]
    public int FloodWindowSeconds { get; set; } = 10;

    /// <summary>How long a flooding chat is ignored after its one notice.</summary>
    [Range(1, 86400)]
    public int FloodPauseSeconds { get; set; } = 60;

    /// <summary><c>/readyz</c> reports not ready when more messages than this wait in the outbox.</summary>
    [Range(1, 10_000_000)]
    public int ReadyMaxBacklog { get; set; } = 5000;

    /// <summary>
    /// Where <c>/metrics</c> is served, apart from <c>Urls</c> (for example <c>http://127.0.0.1:9100</c>, several with
    /// <c>;</c>). Empty: on <c>Urls</c>, beside the webhook. Set: only there, so the figures are not public.
    /// </summary>
    public string? MetricsUrls { get; set; }

    /// <summary>The ports of <see cref="MetricsUrls"/>, where <c>/metrics</c> answers; empty when it answers everywhere.</summary>
    public IReadOnlySet<int> MetricsPorts() =>
        (MetricsUrls ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(url => Uri.TryCreate(url.Replace("*", "localhost", StringComparison.Ordinal).Replace("+", "localhost", StringComparison.Ordinal), UriKind.Absolute, out var uri) ? uri.Port : -1)
            .Where(port => port > 0)
            .ToHashSet();

    /// <summary>
    /// The campaign tags an administrator created for start links (<c>c-radio</c>, <c>p-…__radio</c>). A tag not listed
    /// is counted as <c>other</c>: what a stranger types after <c>/start</c> is never stored as written.
    /// </summary>
    public IReadOnlyList<string> Campaigns { get; set; } = [];

    /// <summary>Reload the content files when they change on disk.</summary>
    public bool WatchContent { get; set; } = true;
}
