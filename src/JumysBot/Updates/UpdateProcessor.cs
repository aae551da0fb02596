using System.Data.Common;
using System.Diagnostics;
using JumysBot.Storage;
using Microsoft.Extensions.Logging;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace JumysBot.Updates;

/// <summary>
/// Handles one stored update: answers a pressed button at once, passes the update along the <see cref="HandlerChain"/>,
/// and commits what the handler decided with the handled inbox row in one transaction. A failing handler costs the
/// person one apology, never the loop. It knows no feature: they plug into the chain.
/// </summary>
public sealed partial class UpdateProcessor(
    BotDatabase database,
    GroupCommit groupCommit,
    HandlerChain handlers,
    UpdateFaults faults,
    ILogger<UpdateProcessor> logger,
    BotMetrics? metrics = null)
{
    public async Task ProcessAsync(Update update, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(update);
        // Several instances: an earlier update of this chat may have reached another instance and still wait there.
        // The handler's transaction finds out in the statement that takes the update's turn; then those go first, so
        // each chat's updates are handled in order whichever instance received them. Once is enough: one that cannot
        // be read is set aside by the inbox retry and never holds up the chat.
        if (await ProcessOneAsync(update, checkEarlier: database.IsShared, acknowledge: true, cancellationToken))
        {
            foreach (var earlier in await EarlierOfSameChatAsync(update, cancellationToken))
            {
                await ProcessOneAsync(earlier, checkEarlier: false, acknowledge: true, cancellationToken);
            }

            await ProcessOneAsync(update, checkEarlier: false, acknowledge: false, cancellationToken);
        }
    }

    private async Task<IReadOnlyList<Update>> EarlierOfSameChatAsync(Update update, CancellationToken cancellationToken)
    {
        if (IncomingMapper.ChatIdOf(update) is not { } chatId)
        {
            return [];
        }

        try
        {
            await using var read = await database.BeginReadAsync(cancellationToken);
            // One that cannot be read is set aside by the next replay; it never holds up the chat.
            return [.. (await read.Inbox.PendingBeforeAsync(chatId, update.Id, cancellationToken))
                .Select(p => UpdateReader.Read(p.UpdateId, p.Payload).Update)
                .OfType<Update>()];
        }
        catch (DbException) when (!cancellationToken.IsCancellationRequested)
        {
            // The store fails: handling this update will meet the same fault and apologise; the inbox keeps the rest.
            return [];
        }
    }

    /// <returns>True when the update was left because an earlier one of its chat waits (only with <paramref name="checkEarlier"/>).</returns>
    private async Task<bool> ProcessOneAsync(Update update, bool checkEarlier, bool acknowledge, CancellationToken cancellationToken)
    {
        if (update.CallbackQuery is { } query && acknowledge)
        {
            await faults.AcknowledgeAsync(query.Id, cancellationToken);
        }

        var input = IncomingMapper.FromUpdate(update);
        var successesBefore = faults.StoreSuccesses;
        var ownFaults = 0;
        var apologised = false;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await HandleAsync(update, input, checkEarlier, cancellationToken);
            }
            catch (DbException e) when (!cancellationToken.IsCancellationRequested)
            {
                LogStoreFailed(StoreError.CodeOf(e), update.Id);
                if (attempt == 1 && StoreError.IsConnectionLost(e))
                {
                    // Most likely a pooled connection the server ended while it lay idle (a restart, a failover, a
                    // restore): the pool is emptied and the update tried again at once, before anyone is troubled.
                    database.ReleaseConnections();
                    continue;
                }

                // The store itself fails (locked, read-only, disk full, the server gone): say sorry straight away and try again soon.
                // The chat's later updates wait behind this one, so they keep their order; other chats go on.
                if (!apologised)
                {
                    apologised = true;
                    await faults.StoreFailedAsync(input, cancellationToken);
                }

                // While the store takes other updates, the fault is this update's own: after a few tries it is set aside,
                // so its chat goes on. While the store takes nothing (an outage), the update waits, however long.
                if (faults.StoreSuccesses > successesBefore && ++ownFaults >= MaxOwnStoreFaults)
                {
                    await faults.SetAsideAsync(update.Id, cancellationToken);
                    return false;
                }

                await Task.Delay(TimeSpan.FromSeconds(Math.Min(attempt, 3)), cancellationToken);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                LogHandlerFailed(e, update.Id);
                await faults.ApologiseAsync(update.Id, input, cancellationToken);
                return false;
            }
        }
    }

    /// <summary>How many times an update may fail in a store that takes other updates before it is set aside.</summary>
    private const int MaxOwnStoreFaults = 3;

    /// <returns>True when the update was left because an earlier one of its chat waits.</returns>
    private async Task<bool> HandleAsync(Update update, Incoming? input, bool checkEarlier, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var compact = false;
        var earlierWaiting = false;
        await groupCommit.RunAsync(
            async tx =>
            {
                if (input is not null)
                {
                    handlers.PlanReads(tx, input);
                }

                // Handled already: by another instance, or before this replay.
                var turn = await tx.Inbox.TakeTurnAsync(update.Id, IncomingMapper.ChatIdOf(update), checkEarlier, cancellationToken);
                earlierWaiting = turn == InboxRepository.Turn.EarlierWaiting;
                if (turn == InboxRepository.Turn.Take)
                {
                    compact = (await handlers.RunAsync(tx, update, input, cancellationToken)).CompactAfterCommit;
                    await tx.Inbox.MarkHandledAsync(update.Id, cancellationToken);
                }
            },
            IncomingMapper.ChatIdOf(update),
            cancellationToken);
        faults.StoreWorks();
        if (earlierWaiting)
        {
            return true;
        }

        if (compact)
        {
            await database.CheckpointAsync(cancellationToken);
        }

        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        metrics?.UpdatesHandled.Add(1);
        metrics?.HandlerDuration.Record(elapsed);
        if (logger.IsEnabled(LogLevel.Debug))
        {
            LogHandled(update.Id, update.Type, elapsed);
        }

        return false;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Handled update {UpdateId} ({UpdateType}) in {ElapsedMs:F2} ms")]
    private partial void LogHandled(long updateId, UpdateType updateType, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Error, Message = "The store failed ({Code}) on update {UpdateId}; trying it again shortly")]
    private partial void LogStoreFailed(string code, long updateId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Handling update {UpdateId} failed; the person gets an apology")]
    private partial void LogHandlerFailed(Exception exception, long updateId);
}
