using System.Data.Common;
using JumysBot.Conversations;
using JumysBot.Storage;
using Microsoft.Extensions.Logging;
using Telegram.Bot.Types;

namespace JumysBot.Updates;

/// <summary>
/// Writes received updates to the inbox exactly as Telegram sent them (dropping redeliveries) and hands the new ones
/// on; sets aside those that cannot be read; replays the unhandled.
/// </summary>
public sealed partial class InboxWriter(
    BotDatabase database,
    ChatDispatcher dispatcher,
    StorageFaultNotice storageFault,
    BotMetrics metrics,
    ILogger<InboxWriter> logger,
    InstanceLiveness? liveness = null)
{
    /// <returns>How many of the updates were new.</returns>
    public async Task<int> AcceptAsync(IReadOnlyCollection<ReceivedUpdate> updates, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(updates);
        IReadOnlyList<ReceivedUpdate> fresh;
        try
        {
            fresh = await StoreTogetherAsync(updates, cancellationToken);
        }
        catch (DbException) when (!cancellationToken.IsCancellationRequested)
        {
            // Not stored, so not confirmed: Telegram keeps the updates and the caller retries. The people hear why.
            foreach (var update in updates.Select(u => u.Update).OfType<Update>())
            {
                await storageFault.ApologiseAsync(IncomingMapper.FromUpdate(update), cancellationToken);
            }

            throw;
        }

        metrics.UpdatesReceived.Add(fresh.Count);
        foreach (var received in fresh)
        {
            if (received.Update is { } update)
            {
                dispatcher.Enqueue(update);
            }
            else
            {
                LogSetAside(received.Id, received.Kind);
            }
        }

        return fresh.Count;
    }

    private readonly Lock _gate = new();
    private List<Arrival>? _waiting;
    private bool _storing;

    /// <summary>
    /// Stores the updates in the same transaction as those of every other call waiting meanwhile: in webhook mode each
    /// update comes in a request of its own, and one commit each (one flush to disk) would cost more than the rest of its
    /// handling. One call stores at a time; the calls that arrive while it does go together in the next transaction.
    /// </summary>
    private async Task<IReadOnlyList<ReceivedUpdate>> StoreTogetherAsync(IReadOnlyCollection<ReceivedUpdate> updates, CancellationToken cancellationToken)
    {
        var arrival = new Arrival(updates);
        bool start;
        lock (_gate)
        {
            (_waiting ??= []).Add(arrival);
            start = !_storing;
            _storing = true;
        }

        if (start)
        {
            _ = Task.Run(StoreWaitingAsync, CancellationToken.None);
        }

        return await arrival.Stored.Task.WaitAsync(cancellationToken);
    }

    private async Task StoreWaitingAsync()
    {
        while (true)
        {
            List<Arrival> arrivals;
            lock (_gate)
            {
                if (_waiting is null)
                {
                    _storing = false;
                    return;
                }

                arrivals = _waiting;
                _waiting = null;
            }

            try
            {
                var updates = arrivals.SelectMany(a => a.Updates).DistinctBy(u => u.Id).ToList();
                IReadOnlyList<ReceivedUpdate> fresh;
                try
                {
                    fresh = await StoreAsync(updates, CancellationToken.None);
                }
                catch (DbException e) when (StoreError.IsConnectionLost(e))
                {
                    // Most likely a pooled connection the server ended while it lay idle: once more on a fresh one.
                    database.ReleaseConnections();
                    fresh = await StoreAsync(updates, CancellationToken.None);
                }

                var freshIds = fresh.Select(u => u.Id).ToHashSet();
                foreach (var arrival in arrivals)
                {
                    // An update sent twice at once is new for the first call only.
                    arrival.Stored.TrySetResult([.. arrival.Updates.Where(u => freshIds.Remove(u.Id))]);
                }
            }
            catch (Exception e)
            {
                foreach (var arrival in arrivals)
                {
                    arrival.Stored.TrySetException(e);
                }
            }
        }
    }

    private sealed record Arrival(IReadOnlyCollection<ReceivedUpdate> Updates)
    {
        public TaskCompletionSource<IReadOnlyList<ReceivedUpdate>> Stored { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <returns>The updates that were new (a redelivery hits the key and is dropped).</returns>
    private async Task<IReadOnlyList<ReceivedUpdate>> StoreAsync(List<ReceivedUpdate> updates, CancellationToken cancellationToken)
    {
        var fresh = new List<ReceivedUpdate>(updates.Count);
        var instance = liveness is null ? null : await liveness.IdAsync(cancellationToken);
        await using var tx = await database.BeginAsync(cancellationToken);
        foreach (var received in updates.OrderBy(u => u.Id))
        {
            var chatId = received.Update is { } update ? IncomingMapper.ChatIdOf(update) : null;
            if (!await tx.Inbox.TryAddAsync(received.Id, chatId, received.Json, instance, cancellationToken))
            {
                continue;
            }

            if (!received.IsReadable)
            {
                await tx.Inbox.SetAsideAsync(received.Id, cancellationToken);
            }

            fresh.Add(received);
        }

        await tx.CommitAsync(cancellationToken);
        metrics.InboxTransactions.Add(1);
        return fresh;
    }

    /// <summary>
    /// How old an unhandled update must be before an instance sharing the store takes it over: younger ones are most
    /// likely still queued at the instance that received them.
    /// </summary>
    public static readonly TimeSpan SharedReplayAge = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Updates stored but not handled are handled (again): at start, after a crash or a stop; and periodically, after a
    /// storage fault left some behind. Those still waiting or running here are not run twice, nor those another instance
    /// has handled meanwhile (see <see cref="InboxRepository.TakeTurnAsync"/>).
    /// </summary>
    public async Task<int> ReplayUnhandledAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<(long UpdateId, string Payload)> pending;
        await using (var tx = await database.BeginReadAsync(cancellationToken))
        {
            pending = database.IsShared
                ? await tx.Inbox.PendingAsync(10_000, tx.Now - (long)SharedReplayAge.TotalMilliseconds, cancellationToken)
                : await tx.Inbox.PendingAsync(10_000, cancellationToken);
        }

        var replayed = 0;
        var unreadable = new List<ReceivedUpdate>();
        foreach (var (updateId, payload) in pending.Where(p => !dispatcher.IsInFlight(p.UpdateId)))
        {
            var received = UpdateReader.Read(updateId, payload);
            if (received.Update is { } update)
            {
                dispatcher.Enqueue(update);
                replayed++;
            }
            else
            {
                unreadable.Add(received);
            }
        }

        if (unreadable.Count > 0)
        {
            await using var tx = await database.BeginAsync(cancellationToken);
            foreach (var received in unreadable)
            {
                await tx.Inbox.SetAsideAsync(received.Id, cancellationToken);
                LogSetAside(received.Id, received.Kind);
            }

            await tx.CommitAsync(cancellationToken);
        }

        return replayed;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Update {UpdateId} ({Kind}) could not be read; it is kept in the inbox, set aside, and the bot goes on")]
    private partial void LogSetAside(long updateId, string kind);
}
