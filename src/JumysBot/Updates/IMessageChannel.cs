namespace JumysBot.Updates;

/// <summary>Where messages finally go: Telegram, or the terminal in the local chat.</summary>
public interface IMessageChannel
{
    /// <returns>The id the channel gave the sent message, if it has one.</returns>
    Task<long?> SendAsync(OutgoingMessage message, CancellationToken cancellationToken);

    /// <summary>How many requests sending <paramref name="message"/> takes: each counts against Telegram's limits.</summary>
    int RequestsFor(OutgoingMessage message) => 1;

    /// <summary>Stops the spinner on a pressed button; done at once, before the slower work.</summary>
    Task AcknowledgeButtonAsync(string callbackQueryId, CancellationToken cancellationToken);
}
