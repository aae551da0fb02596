using JumysBot.Storage;

namespace JumysBot.Updates;

/// <summary>
/// Marks sent messages in small batches: one commit for up to <see cref="BatchSize"/> marks instead of one each, since
/// every commit waits for the disk. A crash can resend at most one unflushed batch; a message is never marked twice.
/// </summary>
internal sealed class SentMarks(BotDatabase database)
{
    private const int BatchSize = 20;

    private readonly Lock _gate = new();
    private List<(long Id, long? MessageId)> _pending = [];

    public async Task AddAsync(long id, long? messageId, CancellationToken cancellationToken)
    {
        List<(long, long?)>? full = null;
        lock (_gate)
        {
            _pending.Add((id, messageId));
            if (_pending.Count >= BatchSize)
            {
                full = _pending;
                _pending = [];
            }
        }

        if (full is not null)
        {
            await CommitAsync(full, cancellationToken);
        }
    }

    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        List<(long, long?)> rest;
        lock (_gate)
        {
            rest = _pending;
            _pending = [];
        }

        if (rest.Count > 0)
        {
            await CommitAsync(rest, cancellationToken);
        }
    }

    private async Task CommitAsync(List<(long Id, long? MessageId)> marks, CancellationToken cancellationToken)
    {
        await using var tx = await database.BeginAsync(cancellationToken);
        foreach (var (id, messageId) in marks)
        {
            await tx.Outbox.MarkSentAsync(id, messageId, cancellationToken);
        }

        await tx.CommitAsync(cancellationToken);
    }
}
