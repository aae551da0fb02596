using JumysBot.Conversations;
using JumysBot.Storage;

namespace JumysBot.Updates;

/// <summary>
/// Marks sent messages in small batches: one commit for up to <see cref="BatchSize"/> marks instead of one each, since
/// every commit waits for the disk. A crash can resend at most one unflushed batch; a message is never marked twice.
/// A new copy of a request's card or voice message that arrived after the request was erased or anonymised (it was on
/// its way while that committed) is deleted at once.
/// </summary>
internal sealed class SentMarks(BotDatabase database)
{
    internal const int BatchSize = 20;

    private readonly Lock _gate = new();
    private List<(long Id, long? MessageId, OutgoingMessage Message)> _pending = [];

    public async Task AddAsync(long id, long? messageId, OutgoingMessage message, CancellationToken cancellationToken)
    {
        List<(long, long?, OutgoingMessage)>? full = null;
        lock (_gate)
        {
            _pending.Add((id, messageId, message));
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
        List<(long, long?, OutgoingMessage)> rest;
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

    private async Task CommitAsync(List<(long Id, long? MessageId, OutgoingMessage Message)> marks, CancellationToken cancellationToken)
    {
        await using var tx = await database.BeginAsync(cancellationToken);
        foreach (var (id, messageId, message) in marks)
        {
            if (NewCopyOf(message) is not { } number || messageId is not { } sent)
            {
                await tx.Outbox.MarkSentAsync(id, messageId, carriesLead: message.LeadCard is not null || message.VoiceOfLead is not null, cancellationToken);
                continue;
            }

            // The request's row is read (and on PostgreSQL locked) first: an erasure either committed before, and the
            // copy is deleted here, or waits for this commit and then finds the copy among the request's sent copies.
            var forgotten = await tx.Leads.IsForgottenAsync(number, cancellationToken);
            await tx.Outbox.MarkSentAsync(id, messageId, cancellationToken);
            if (forgotten)
            {
                await tx.Leads.AddSentCopyAsync(number, message.ChatId, sent, message.VoiceOfLead is not null, cancellationToken);
                await tx.Outbox.AddAsync(OutgoingMessage.Deletion(message.ChatId, sent), cancellationToken);
            }
        }

        await tx.CommitAsync(cancellationToken);
    }

    /// <summary>The request a message is a new copy of: a card sent (not an edit) or a voice message forwarded with it.</summary>
    private static long? NewCopyOf(OutgoingMessage message) => message switch
    {
        { EditMessageId: not null } or { DeleteMessageId: not null } => null,
        { LeadCard: { } card } => card,
        { VoiceOfLead: { } voice } => voice,
        _ => null,
    };
}
