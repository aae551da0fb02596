using JumysBot.Outreach;

namespace JumysBot.Storage;

/// <summary>Announcements sent to subscribers; each recipient's copy is an outbox row that carries its id.</summary>
public sealed class AnnouncementRepository
{
    private readonly StorageTransaction _tx;

    internal AnnouncementRepository(StorageTransaction tx) => _tx = tx;

    public async Task<long> AddAsync(AnnouncementDraft draft, long createdBy, int recipients, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        await using var command = _tx.Command(
            """
            INSERT INTO announcements (text_ru, text_kk, topics, places, created_by, created_at, recipients)
            VALUES (@ru, @kk, @topics, @places, @by, @now, @recipients) RETURNING id
            """,
            ("@ru", draft.TextRu), ("@kk", draft.TextKk), ("@topics", Subscription.FormatTopics(draft.Topics)),
            ("@places", string.Join(',', draft.Places)), ("@by", createdBy), ("@now", _tx.Now), ("@recipients", recipients));
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>Announcements still going out or not yet reported, with how their copies stand.</summary>
    public async Task<IReadOnlyList<AnnouncementProgress>> UnfinishedAsync(CancellationToken cancellationToken)
    {
        await using var command = _tx.Command(
            """
            SELECT a.id, a.created_by,
                COUNT(o.id) FILTER (WHERE o.sent_at IS NULL AND o.failed_at IS NULL),
                COUNT(o.id) FILTER (WHERE o.sent_at IS NOT NULL),
                COUNT(o.id) FILTER (WHERE o.failed_at IS NOT NULL AND o.last_error IN ('403', 'blocked by the person')),
                COUNT(o.id) FILTER (WHERE o.failed_at IS NOT NULL AND o.last_error NOT IN ('403', 'blocked by the person'))
            FROM announcements a LEFT JOIN outbox o ON o.announcement_id = a.id
            WHERE a.finished_at IS NULL
            GROUP BY a.id, a.created_by
            """);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var result = new List<AnnouncementProgress>();
        while (await reader.ReadAsync(cancellationToken))
        {
            result.Add(new AnnouncementProgress(reader.GetInt64(0), reader.GetInt64(1), Count(reader, 2), Count(reader, 3), Count(reader, 4), Count(reader, 5)));
        }

        return result;
    }

    // COUNT is a 64-bit integer on PostgreSQL.
    private static int Count(System.Data.Common.DbDataReader reader, int column) => checked((int)reader.GetInt64(column));

    public async Task MarkFinishedAsync(long id, CancellationToken cancellationToken)
    {
        await using var command = _tx.Command("UPDATE announcements SET finished_at = @now WHERE id = @id", ("@id", id), ("@now", _tx.Now));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

/// <summary>How an announcement's copies stand: waiting, delivered, blocked by the person, failed otherwise.</summary>
public sealed record AnnouncementProgress(long Id, long CreatedBy, int Pending, int Delivered, int Blocked, int Failed);
