using System.Data.Common;
using System.Text.Json;
using JumysBot.Conversations;
using JumysBot.Storage;
using JumysBot.Telegram.Types;

namespace JumysBot.Telegram;

/// <summary>Writes received updates to the inbox (dropping redeliveries) and hands the new ones on; replays the unhandled.</summary>
public sealed class InboxWriter(BotDatabase database, ChatDispatcher dispatcher, StorageFaultNotice storageFault, BotMetrics metrics)
{
    /// <returns>How many of the updates were new.</returns>
    public async Task<int> AcceptAsync(IReadOnlyCollection<Update> updates, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(updates);
        var fresh = new List<Update>(updates.Count);
        try
        {
            await using var tx = await database.BeginAsync(cancellationToken);
            foreach (var update in updates.OrderBy(u => u.Id))
            {
                var payload = JsonSerializer.Serialize(update, TelegramJsonContext.Compact.Update);
                if (await tx.Inbox.TryAddAsync(update.Id, IncomingMapper.ChatIdOf(update), payload, cancellationToken))
                {
                    fresh.Add(update);
                }
            }

            await tx.CommitAsync(cancellationToken);
        }
        catch (DbException) when (!cancellationToken.IsCancellationRequested)
        {
            // Not stored, so not confirmed: Telegram keeps the updates and the caller retries. The people hear why.
            foreach (var update in updates)
            {
                await storageFault.ApologiseAsync(IncomingMapper.FromUpdate(update), cancellationToken);
            }

            throw;
        }

        metrics.UpdatesReceived.Add(fresh.Count);
        foreach (var update in fresh)
        {
            dispatcher.Enqueue(update);
        }

        return fresh.Count;
    }

    /// <summary>
    /// How old an unhandled update must be before an instance sharing the store takes it over: younger ones are most
    /// likely still queued at the instance that received them.
    /// </summary>
    public static readonly TimeSpan SharedReplayAge = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Updates stored but not handled are handled (again): at start, after a crash or a stop; and periodically, after a
    /// storage fault left some behind. Those still waiting or running here are not run twice, nor those another instance
    /// has handled meanwhile (see <see cref="Storage.InboxRepository.TakeTurnAsync"/>).
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
        foreach (var (updateId, payload) in pending.Where(p => !dispatcher.IsInFlight(p.UpdateId)))
        {
            dispatcher.Enqueue(JsonSerializer.Deserialize(payload, TelegramJsonContext.Default.Update) ?? new Update { Id = updateId });
            replayed++;
        }

        return replayed;
    }
}
