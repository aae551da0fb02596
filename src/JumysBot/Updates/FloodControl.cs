namespace JumysBot.Updates;

/// <summary>
/// The first handler: a chat sending faster than <see cref="FloodGate"/> allows gets one notice, and its updates are
/// taken without an answer until the pause ends. Groups too: a consultants' chat repeating <c>/leads</c> would
/// otherwise fill the outbox as fast as anyone types.
/// </summary>
public sealed partial class FloodControl(FloodGate gate, Microsoft.Extensions.Logging.ILogger<FloodControl> logger) : IUpdateHandler
{
    public int Order => HandlerOrder.FloodControl;

    public ValueTask<HandlerResult?> HandleAsync(UpdateContext update, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(update);
        if (update.Input is not { } input)
        {
            return ValueTask.FromResult<HandlerResult?>(null);
        }

        var verdict = gate.Check(input.ChatId);
        if (verdict == FloodGate.Verdict.Allow)
        {
            return ValueTask.FromResult<HandlerResult?>(null);
        }

        if (verdict != FloodGate.Verdict.Notify)
        {
            return ValueTask.FromResult<HandlerResult?>(HandlerResult.Handled);
        }

        LogFlood(input.ChatId);
        return ValueTask.FromResult<HandlerResult?>(HandlerResult.Send(
            new OutgoingMessage { ChatId = input.ChatId, Text = update.Texts.Get(update.Language, "input.flood") }));
    }

    [Microsoft.Extensions.Logging.LoggerMessage(Level = Microsoft.Extensions.Logging.LogLevel.Warning, Message = "Chat {ChatId} sends too fast; its updates are held back for a while")]
    private partial void LogFlood(long chatId);
}
