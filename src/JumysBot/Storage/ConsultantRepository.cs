namespace JumysBot.Storage;

/// <summary>Which chats are consultants of which point, and the chats waiting for an administrator's approval.</summary>
public sealed class ConsultantRepository
{
    private readonly StorageTransaction _tx;

    internal ConsultantRepository(StorageTransaction tx) => _tx = tx;

    public async Task BindAsync(long chatId, string pointId, string? title, string source, CancellationToken cancellationToken)
    {
        await using var command = _tx.Command(
            """
            INSERT INTO consultant_chats (chat_id, point_id, title, source, active, bound_at) VALUES (@chat, @point, @title, @source, 1, @now)
            ON CONFLICT (chat_id) DO UPDATE SET point_id = excluded.point_id, title = COALESCE(excluded.title, consultant_chats.title),
                source = excluded.source, active = 1, bound_at = excluded.bound_at
            """,
            ("@chat", chatId), ("@point", pointId), ("@title", title), ("@source", source), ("@now", _tx.Now));
        await command.ExecuteNonQueryAsync(cancellationToken);
        await using var done = _tx.Command("DELETE FROM consultant_requests WHERE chat_id = @chat", ("@chat", chatId));
        await done.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<bool> RevokeAsync(long chatId, CancellationToken cancellationToken)
    {
        await using var command = _tx.Command("UPDATE consultant_chats SET active = 0 WHERE chat_id = @chat AND active = 1", ("@chat", chatId));
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>A group that became a supergroup keeps its binding under the new id.</summary>
    public async Task MoveAsync(long fromChatId, long toChatId, CancellationToken cancellationToken)
    {
        await using var command = _tx.Command("UPDATE consultant_chats SET chat_id = @to WHERE chat_id = @from", ("@from", fromChatId), ("@to", toChatId));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<string?> PointOfAsync(long chatId, CancellationToken cancellationToken)
    {
        await using var command = _tx.Command("SELECT point_id FROM consultant_chats WHERE chat_id = @chat AND active = 1", ("@chat", chatId));
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    public async Task<IReadOnlyList<long>> ChatsOfAsync(string pointId, CancellationToken cancellationToken)
    {
        await using var command = _tx.Command("SELECT chat_id FROM consultant_chats WHERE point_id = @point AND active = 1 ORDER BY chat_id", ("@point", pointId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var chats = new List<long>();
        while (await reader.ReadAsync(cancellationToken))
        {
            chats.Add(reader.GetInt64(0));
        }

        return chats;
    }

    public async Task<IReadOnlyList<(long ChatId, string PointId, string? Title, string Source)>> ListAsync(CancellationToken cancellationToken)
    {
        await using var command = _tx.Command("SELECT chat_id, point_id, title, source FROM consultant_chats WHERE active = 1 ORDER BY point_id, chat_id");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var list = new List<(long, string, string?, string)>();
        while (await reader.ReadAsync(cancellationToken))
        {
            list.Add((reader.GetInt64(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2), reader.GetString(3)));
        }

        return list;
    }

    public async Task RequestAsync(long chatId, string? title, CancellationToken cancellationToken)
    {
        await using var command = _tx.Command(
            "INSERT INTO consultant_requests (chat_id, title, requested_at) VALUES (@chat, @title, @now) ON CONFLICT (chat_id) DO UPDATE SET requested_at = excluded.requested_at",
            ("@chat", chatId), ("@title", title), ("@now", _tx.Now));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<string?> PendingRequestTitleAsync(long chatId, CancellationToken cancellationToken)
    {
        await using var command = _tx.Command("SELECT COALESCE(title, '') FROM consultant_requests WHERE chat_id = @chat", ("@chat", chatId));
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    public async Task<bool> DeclineAsync(long chatId, CancellationToken cancellationToken)
    {
        await using var command = _tx.Command("DELETE FROM consultant_requests WHERE chat_id = @chat", ("@chat", chatId));
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }
}
