using System.Threading.Channels;

namespace JumysBot.Storage;

/// <summary>
/// Runs the writes of many updates in few transactions: whatever work queued up while one transaction ran goes into the
/// next one, each piece in its own savepoint, and one commit (one flush to disk) makes them all durable together.
/// A piece that fails is undone alone; a commit that fails fails every piece in it, and their updates are retried.
/// </summary>
public sealed class GroupCommit : IAsyncDisposable
{
    private const int MaxBatch = 64;
    private readonly BotDatabase _database;
    private readonly Channel<Work>[] _queues;
    private readonly Task[] _writers;
    private readonly Action? _committed;
    private readonly Action<double>? _lockWaited;

    /// <param name="committed">Called after each commit (the outbox sender is woken for the messages it wrote).</param>
    /// <param name="lockWaited">Told how long each transaction waited for its chats' locks on a shared store, in milliseconds.</param>
    /// <param name="writers">
    /// How many transactions may run at once, each on a connection of its own, the chats shared out among them by their
    /// ids (so a chat's work stays in order). One for SQLite, which writes through one connection.
    /// </param>
    public GroupCommit(BotDatabase database, Action? committed = null, Action<double>? lockWaited = null, int writers = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(writers, 1);
        _database = database;
        _committed = committed;
        _lockWaited = lockWaited;
        _queues = [.. Enumerable.Range(0, writers).Select(_ => Channel.CreateUnbounded<Work>(new UnboundedChannelOptions { SingleReader = true }))];
        _writers = [.. _queues.Select(queue => Task.Run(() => WriteAsync(queue)))];
    }

    /// <summary>Completes when <paramref name="work"/>'s writes are committed, or throws what it (or the commit) threw.</summary>
    public Task RunAsync(Func<StorageTransaction, Task> work, CancellationToken cancellationToken) => RunAsync(work, chatId: null, cancellationToken);

    /// <param name="chatId">
    /// The chat the work belongs to. On a shared store the transaction takes every chat's lock first, in the order of the
    /// chats' ids, so two instances whose batches hold the same chats never wait for each other in a circle.
    /// </param>
    public Task RunAsync(Func<StorageTransaction, Task> work, long? chatId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var queued = new Work(work, chatId, cancellationToken);
        var queue = _queues[(int)((ulong)(chatId ?? 0) % (ulong)_queues.Length)];
        ObjectDisposedException.ThrowIf(!queue.Writer.TryWrite(queued), this);
        return queued.Done.Task;
    }

    private async Task WriteAsync(Channel<Work> queue)
    {
        var batch = new List<Work>(MaxBatch);
        while (await queue.Reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < MaxBatch && queue.Reader.TryRead(out var next))
            {
                if (next.CancellationToken.IsCancellationRequested)
                {
                    next.Done.TrySetCanceled(next.CancellationToken);
                }
                else
                {
                    batch.Add(next);
                }
            }

            if (batch.Count > 0)
            {
                await CommitAsync(batch);
            }
        }
    }

    private async Task CommitAsync(List<Work> batch)
    {
        var written = new List<Work>(batch.Count);
        try
        {
            await using var tx = await _database.BeginAsync(CancellationToken.None);
            if (_database.IsShared)
            {
                var waiting = System.Diagnostics.Stopwatch.GetTimestamp();
                await tx.Inbox.LockChatsAsync([.. batch.Select(w => w.ChatId).OfType<long>().Distinct().Order()], CancellationToken.None);
                _lockWaited?.Invoke(System.Diagnostics.Stopwatch.GetElapsedTime(waiting).TotalMilliseconds);
            }
            foreach (var work in batch)
            {
                try
                {
                    await tx.InSavepointAsync(work.Run);
                    written.Add(work);
                }
                catch (Exception e)
                {
                    work.Done.TrySetException(e);
                }
            }

            await tx.CommitAsync(CancellationToken.None);
        }
        catch (Exception e)
        {
            // The transaction itself failed (a locked or full disk): nothing in it was stored.
            foreach (var work in batch)
            {
                work.Done.TrySetException(e);
            }

            return;
        }

        _committed?.Invoke();
        foreach (var work in written)
        {
            work.Done.TrySetResult();
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var queue in _queues)
        {
            queue.Writer.TryComplete();
        }

        await Task.WhenAll(_writers);
    }

    private sealed record Work(Func<StorageTransaction, Task> Run, long? ChatId, CancellationToken CancellationToken)
    {
        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
