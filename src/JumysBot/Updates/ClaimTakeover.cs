using System.Data.Common;
using JumysBot.Conversations;
using JumysBot.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace JumysBot.Updates;

/// <summary>
/// On a shared store, every instance looks every two seconds for what an instance that died left behind: updates it
/// stored but did not handle are taken over and handled here (in order, behind the chat's lock), and the messages it had
/// claimed but not sent are freed for the next claim. Death is the end of the instance's liveness lock
/// (<see cref="InstanceLiveness"/>), so nothing waits for a lease to run out. The same look proves this instance's own
/// lock is still held.
/// </summary>
public sealed partial class ClaimTakeover(
    BotDatabase database,
    InstanceLiveness liveness,
    ChatDispatcher dispatcher,
    OutboxSignal outboxSignal,
    BotMetrics metrics,
    TimeProvider time,
    ILogger<ClaimTakeover> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How long a number must have been seen dead before the messages claimed under it are freed. An instance whose
    /// liveness connection broke while its process lives learns so at its next look (within <see cref="Interval"/>)
    /// and then sends nothing more of what it claimed under the old number; freeing sooner could let another instance
    /// send a message it is still sending.
    /// </summary>
    public static readonly TimeSpan ClaimGrace = Interval + TimeSpan.FromSeconds(1);

    private readonly Dictionary<int, long> _deadSince = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!database.IsShared)
        {
            return;
        }

        using var timer = new PeriodicTimer(Interval, time);
        try
        {
            do
            {
                try
                {
                    await RunOnceAsync(stoppingToken);
                }
                catch (DbException e) when (!stoppingToken.IsCancellationRequested)
                {
                    // The store is unreachable: nothing can be taken over now, and nothing is lost by waiting.
                    LogFailed(StoreError.CodeOf(e));
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    /// <returns>How many updates and messages were taken over.</returns>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        if (await liveness.EnsureAsync(cancellationToken) is not { } me)
        {
            return 0;
        }

        IReadOnlyList<(long UpdateId, string Payload)> updates;
        int messages;
        await using (var tx = await database.BeginAsync(cancellationToken))
        {
            messages = await FreeRipeClaimsAsync(tx, cancellationToken);
            updates = await tx.Inbox.TakeOverFromDeadAsync(me, cancellationToken);
            await tx.CommitAsync(cancellationToken);
        }

        if (messages > 0)
        {
            metrics.TakenOver.Add(messages, new KeyValuePair<string, object?>("kind", "outbox"));
            outboxSignal.Notify();
        }

        if (updates.Count > 0)
        {
            metrics.TakenOver.Add(updates.Count, new KeyValuePair<string, object?>("kind", "inbox"));
        }

        foreach (var (updateId, payload) in updates)
        {
            // One that cannot be read is set aside by the inbox retry, as any other.
            if (UpdateReader.Read(updateId, payload).Update is { } update)
            {
                dispatcher.Enqueue(update);
            }
        }

        if (messages + updates.Count > 0)
        {
            LogTookOver(updates.Count, messages);
        }

        return messages + updates.Count;
    }

    private async Task<int> FreeRipeClaimsAsync(StorageTransaction tx, CancellationToken cancellationToken)
    {
        var dead = await tx.Outbox.DeadClaimantsAsync(cancellationToken);
        var now = time.GetTimestamp();
        foreach (var revived in _deadSince.Keys.Except(dead).ToList())
        {
            _deadSince.Remove(revived);
        }

        foreach (var number in dead)
        {
            _deadSince.TryAdd(number, now);
        }

        var ripe = dead.Where(number => time.GetElapsedTime(_deadSince[number], now) >= ClaimGrace).ToList();
        return ripe.Count == 0 ? 0 : await tx.Outbox.FreeClaimsOfDeadAsync(ripe, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Took over {Updates} updates and {Messages} messages from an instance that stopped")]
    private partial void LogTookOver(int updates, int messages);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Looking for what a stopped instance left failed ({Code}); trying again shortly")]
    private partial void LogFailed(string code);
}
