namespace JumysBot.Storage;

/// <summary>Who exported requests or read the figures, when, from which chat and for which point; no person's data.</summary>
public sealed class AuditLog
{
    private readonly StorageTransaction _tx;

    internal AuditLog(StorageTransaction tx) => _tx = tx;

    public async Task AddAsync(long actor, long chatId, string action, string? pointId, CancellationToken cancellationToken)
    {
        await using var command = _tx.Command(
            "INSERT INTO audit_log (at, actor, chat_id, action, point_id) VALUES (@now, @actor, @chat, @action, @point)",
            ("@now", _tx.Now), ("@actor", actor), ("@chat", chatId), ("@action", action), ("@point", pointId));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The newest entries first.</summary>
    public async Task<IReadOnlyList<(long At, long Actor, long ChatId, string Action, string? PointId)>> NewestAsync(int limit, CancellationToken cancellationToken)
    {
        await using var command = _tx.Command("SELECT at, actor, chat_id, action, point_id FROM audit_log ORDER BY id DESC LIMIT @limit", ("@limit", limit));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var entries = new List<(long, long, long, string, string?)>();
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add((reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4)));
        }

        return entries;
    }
}
