using JumysBot.Telegram.Types;

namespace JumysBot.Telegram.Requests;

public sealed record SetWebhookRequest() : RequestBase<bool>("setWebhook")
{
    public required string Url { get; init; }

    /// <summary>Sent back by Telegram in the <c>X-Telegram-Bot-Api-Secret-Token</c> header of every webhook call.</summary>
    public string? SecretToken { get; init; }

    public IEnumerable<UpdateType>? AllowedUpdates { get; init; }

    public int? MaxConnections { get; init; }

    public bool DropPendingUpdates { get; init; }
}
