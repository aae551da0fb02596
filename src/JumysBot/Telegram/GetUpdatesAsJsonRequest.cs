using System.Text.Json;
using System.Text.Json.Serialization;
using Telegram.Bot.Requests;
using Telegram.Bot.Types.Enums;

namespace JumysBot.Telegram;

/// <summary>
/// Telegram.Bot's getUpdates, answered as raw JSON elements: the library's own request reads the whole batch into
/// <c>Update[]</c>, and one update it cannot read would fail them all. <see cref="UpdateReader"/> reads each one.
/// </summary>
public sealed class GetUpdatesAsJsonRequest() : RequestBase<JsonElement[]>("getUpdates")
{
    public int? Offset { get; init; }

    public int? Limit { get; init; }

    public int? Timeout { get; init; }

    [JsonPropertyName("allowed_updates")]
    public IEnumerable<UpdateType>? AllowedUpdates { get; init; }
}
