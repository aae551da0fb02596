using JumysBot.Telegram.Types;

namespace JumysBot.Telegram.Requests;

public sealed record GetUpdatesRequest() : RequestBase<Update[]>("getUpdates")
{
    /// <summary>The first update to return; every update with a smaller id is confirmed and forgotten by Telegram.</summary>
    public long? Offset { get; init; }

    /// <summary>1–100 updates; Telegram's default is 100.</summary>
    public int? Limit { get; init; }

    /// <summary>Seconds to long-poll; keep it well below the HttpClient timeout.</summary>
    public int? Timeout { get; init; }

    public IEnumerable<UpdateType>? AllowedUpdates { get; init; }
}
