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

    /// <summary>Revokes the chat: it gets nothing more, not even what was waiting for it.</summary>
    public async Task<bool> RevokeAsync(long chatId, CancellationToken cancellationToken)
    {
        await using var command = _tx.Command("UPDATE consultant_chats SET active = 0 WHERE chat_id = @chat AND active = 1", ("@chat", chatId));
        if (await command.ExecuteNonQueryAsync(cancellationToken) == 0)
        {
            return false;
        }

        await using var waiting = _tx.Command(
            "UPDATE outbox SET failed_at = @now, last_error = 'chat revoked' WHERE chat_id = @chat AND sent_at IS NULL AND failed_at IS NULL",
            ("@chat", chatId), ("@now", _tx.Now));
        await waiting.ExecuteNonQueryAsync(cancellationToken);
        return true;
    }

    /// <summary>
    /// A group that became a supergroup keeps its binding under the new id. Moving again (a restart with the old id still
    /// configured, a second message that learns the same) changes nothing.
    /// </summary>
    public async Task MoveAsync(long fromChatId, long toChatId, CancellationToken cancellationToken)
    {
        await using (var copy = _tx.Command(
            """
            INSERT INTO consultant_chats (chat_id, point_id, title, source, active, bound_at, language)
            SELECT @to, point_id, title, source, active, @now, language FROM consultant_chats WHERE chat_id = @from
            ON CONFLICT (chat_id) DO NOTHING
            """,
            ("@from", fromChatId), ("@to", toChatId), ("@now", _tx.Now)))
        {
            await copy.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var old = _tx.Command("UPDATE consultant_chats SET active = 0, moved_to = @to WHERE chat_id = @from", ("@from", fromChatId), ("@to", toChatId));
        await old.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// Binds the chats the configuration names, without overriding what happened since: a chat an administrator revoked,
    /// or that the bot lost, stays inactive; one an administrator bound stays as bound; a group that became a supergroup
    /// is the supergroup. A chat bound by configuration and no longer in it is revoked.
    /// </summary>
    public async Task SeedAsync(IReadOnlyCollection<(long ChatId, string PointId)> configured, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(configured);
        var rows = new Dictionary<long, (string PointId, string Source, bool Active, long? MovedTo)>();
        await using (var command = _tx.Command("SELECT chat_id, point_id, source, active, moved_to FROM consultant_chats"))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                rows[reader.GetInt64(0)] = (reader.GetString(1), reader.GetString(2), reader.GetInt32(3) != 0, reader.IsDBNull(4) ? null : reader.GetInt64(4));
            }
        }

        var stillConfigured = new HashSet<long>();
        foreach (var (chatId, pointId) in configured)
        {
            // Follow the chat through its moves: the configuration may still name a group that became a supergroup.
            var chat = chatId;
            for (var hops = 0; rows.TryGetValue(chat, out var moved) && moved.MovedTo is { } next && hops < 10; hops++)
            {
                chat = next;
            }

            stillConfigured.Add(chat);
            if (!rows.TryGetValue(chat, out var row))
            {
                await BindAsync(chat, pointId, title: null, source: "config", cancellationToken);
            }
            else if (row is { Source: "config", Active: true } && row.PointId != pointId)
            {
                await using var repoint = _tx.Command("UPDATE consultant_chats SET point_id = @point WHERE chat_id = @chat", ("@chat", chat), ("@point", pointId));
                await repoint.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        foreach (var (chat, row) in rows)
        {
            if (row is { Source: "config", Active: true } && !stillConfigured.Contains(chat))
            {
                await RevokeAsync(chat, cancellationToken);
            }
        }
    }

    public async Task<string?> PointOfAsync(long chatId, CancellationToken cancellationToken)
    {
        await using var command = _tx.Command("SELECT point_id FROM consultant_chats WHERE chat_id = @chat AND active = 1", ("@chat", chatId));
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    /// <summary>The language a consultants' chat reads: Russian unless it chose Kazakh (and for any other chat, an administrator's).</summary>
    public async Task<Localization.Language> LanguageOfAsync(long chatId, CancellationToken cancellationToken)
    {
        await using var command = _tx.Command("SELECT language FROM consultant_chats WHERE chat_id = @chat AND active = 1", ("@chat", chatId));
        return Localization.LanguageCodes.FromCode(await command.ExecuteScalarAsync(cancellationToken) as string) ?? Localization.Language.Russian;
    }

    /// <summary>A bound chat's language from now on; false when the chat is not bound.</summary>
    public async Task<bool> SetLanguageAsync(long chatId, Localization.Language language, CancellationToken cancellationToken)
    {
        await using var command = _tx.Command(
            "UPDATE consultant_chats SET language = @language WHERE chat_id = @chat AND active = 1", ("@chat", chatId), ("@language", Localization.LanguageCodes.ToCode(language)));
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
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

    /// <summary>Requests to join that nobody answered within the term are forgotten.</summary>
    public async Task<int> DeleteRequestsBeforeAsync(long before, CancellationToken cancellationToken)
    {
        await using var command = _tx.Command("DELETE FROM consultant_requests WHERE requested_at < @before", ("@before", before));
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
