namespace JumysBot.Telegram.Requests;

public sealed record DeleteWebhookRequest() : RequestBase<bool>("deleteWebhook")
{
    public bool DropPendingUpdates { get; init; }
}
