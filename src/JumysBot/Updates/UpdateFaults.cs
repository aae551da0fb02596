using System.Data.Common;
using JumysBot.Localization;
using JumysBot.Storage;
using Microsoft.Extensions.Logging;

namespace JumysBot.Updates;

/// <summary>
/// What happens around a handler rather than in it: the pressed button's spinner is stopped at once, a failing
/// handler costs the person one apology, and an update the store keeps refusing is set aside so its chat goes on.
/// Each writes in a transaction of its own, never the handlers'.
/// </summary>
public sealed partial class UpdateFaults(
    BotDatabase database,
    IMessageChannel channel,
    ITextSource texts,
    OutboxSignal outboxSignal,
    StorageFaultNotice storageFault,
    ILogger<UpdateFaults> logger)
{
    /// <summary>How many updates the store has taken so far: a fault that recurs while this grows is the update's own.</summary>
    public long StoreSuccesses => storageFault.Successes;

    public void StoreWorks() => storageFault.StoreWorks();

    /// <summary>The store itself failed: the person gets one short apology straight away, since the outbox cannot take it.</summary>
    public Task StoreFailedAsync(Incoming? input, CancellationToken cancellationToken) => storageFault.ApologiseAsync(input, cancellationToken);

    /// <summary>Answers a button press (answerCallbackQuery); a late or failed answer only leaves a spinner on the button.</summary>
    public async Task AcknowledgeAsync(string callbackQueryId, CancellationToken cancellationToken)
    {
        try
        {
            await channel.AcknowledgeButtonAsync(callbackQueryId, cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            LogAcknowledgeFailed(e.GetType().Name);
        }
    }

    /// <summary>The handler failed: the person gets a short apology and the update is marked handled, so it is not replayed forever.</summary>
    public async Task ApologiseAsync(long updateId, Incoming? input, CancellationToken cancellationToken)
    {
        try
        {
            await using var tx = await database.BeginAsync(cancellationToken);
            if (input is { IsPrivateChat: true })
            {
                var language = await AnswerLanguage.OfAsync(tx, input, cancellationToken);
                await tx.Outbox.AddAsync(new OutgoingMessage { ChatId = input.ChatId, Text = texts.Texts.Get(language, "error.apology") }, cancellationToken);
            }

            await tx.Inbox.MarkHandledAsync(updateId, cancellationToken);
            await tx.CommitAsync(cancellationToken);
            outboxSignal.Notify();
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            // The store itself is failing: the update stays in the inbox and is replayed after a restart.
            LogApologyFailed(e, updateId);
        }
    }

    /// <summary>An update that kept failing in a store that takes other updates: kept, marked handled, and its chat goes on.</summary>
    public async Task SetAsideAsync(long updateId, CancellationToken cancellationToken)
    {
        LogSetAside(updateId);
        try
        {
            await using var tx = await database.BeginAsync(cancellationToken);
            await tx.Inbox.SetAsideAsync(updateId, cancellationToken);
            await tx.CommitAsync(cancellationToken);
        }
        catch (DbException) when (!cancellationToken.IsCancellationRequested)
        {
            // Not even that could be written: the update stays in the inbox and is tried again at the next start.
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Update {UpdateId} kept failing in a store that takes other updates; it is set aside and its chat goes on")]
    private partial void LogSetAside(long updateId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not store the apology for update {UpdateId}; it stays in the inbox")]
    private partial void LogApologyFailed(Exception exception, long updateId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Answering a button press failed: {Error}")]
    private partial void LogAcknowledgeFailed(string error);
}
