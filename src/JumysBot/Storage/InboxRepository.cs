namespace JumysBot.Storage;

/// <summary>
/// Every update is written here, keyed by its update_id, before Telegram is told it arrived.
/// A redelivered update hits the key and is dropped; an unhandled one is replayed after a restart.
/// </summary>
public sealed class InboxRepository
{
    private readonly StorageTransaction _tx;

    internal InboxRepository(StorageTransaction tx) => _tx = tx;

    /// <returns>False when the update was already there (a redelivery).</returns>
    public Task<bool> TryAddAsync(long updateId, long? chatId, string payload, CancellationToken cancellationToken) =>
        TryAddAsync(updateId, chatId, payload, receivedBy: null, cancellationToken);

    /// <param name="receivedBy">The instance that stores it (<see cref="InstanceLiveness"/>): should it die before the
    /// update is handled, another takes the update over.</param>
    /// <returns>False when the update was already there (a redelivery).</returns>
    public async Task<bool> TryAddAsync(long updateId, long? chatId, string payload, int? receivedBy, CancellationToken cancellationToken)
    {
        await using var command = _tx.Command(
            """
            INSERT INTO inbox (update_id, chat_id, payload, received_at, received_by) VALUES (@id, @chat, @payload, @now, @by)
            ON CONFLICT (update_id) DO NOTHING
            """,
            ("@id", updateId), ("@chat", chatId), ("@payload", _tx.Protector.Protect(payload, new FieldPlace("inbox", "payload", updateId))), ("@now", _tx.Now),
            ("@by", receivedBy));
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>
    /// On PostgreSQL: the updates not yet handled whose instance died (its liveness lock is gone) become
    /// <paramref name="instance"/>'s, oldest first. Instances looking at once each get different ones.
    /// </summary>
    public async Task<IReadOnlyList<(long UpdateId, string Payload)>> TakeOverFromDeadAsync(int instance, CancellationToken cancellationToken)
    {
        var taken = await ReadAsync(
            $"""
            UPDATE inbox SET received_by = @me
            WHERE handled_at IS NULL AND received_by IS NOT NULL AND received_by <> @me AND {InstanceLiveness.IsDead("received_by")}
            RETURNING update_id, payload
            """,
            cancellationToken, ("@me", instance));
        return [.. taken.OrderBy(t => t.UpdateId)];
    }

    /// <summary>Marks the update handled and drops its text: the inbox keeps no personal data once it is done.</summary>
    public async Task MarkHandledAsync(long updateId, CancellationToken cancellationToken)
    {
        await using var command = _tx.Command(
            "UPDATE inbox SET handled_at = @now, payload = NULL, attempts = attempts + 1 WHERE update_id = @id",
            ("@id", updateId), ("@now", _tx.Now));
        await _tx.WriteAsync(command, cancellationToken);
    }

    /// <summary>
    /// Sets aside an update that cannot be read: it counts as handled, so it never blocks its chat, but keeps its text for
    /// an operator to look at until the delivery log's retention deletes it.
    /// </summary>
    public async Task SetAsideAsync(long updateId, CancellationToken cancellationToken)
    {
        await using var command = _tx.Command(
            "UPDATE inbox SET handled_at = @now, attempts = attempts + 1 WHERE update_id = @id",
            ("@id", updateId), ("@now", _tx.Now));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Updates set aside as unreadable, oldest first, as they came.</summary>
    public Task<IReadOnlyList<(long UpdateId, string Payload)>> SetAsideListAsync(int limit, CancellationToken cancellationToken) =>
        ReadAsync(
            "SELECT update_id, payload FROM inbox WHERE handled_at IS NOT NULL AND payload IS NOT NULL ORDER BY update_id LIMIT @limit",
            cancellationToken, ("@limit", limit));

    /// <summary>The lowest update id in the inbox, or 0 when it is empty.</summary>
    public async Task<int> LowestIdAsync(CancellationToken cancellationToken)
    {
        await using var command = _tx.Command("SELECT MIN(update_id) FROM inbox");
        return await command.ExecuteScalarAsync(cancellationToken) is long lowest ? (int)Math.Max(int.MinValue, lowest) : 0;
    }

    public async Task<int> DeleteHandledBeforeAsync(long before, CancellationToken cancellationToken)
    {
        await using var command = _tx.Command("DELETE FROM inbox WHERE handled_at IS NOT NULL AND handled_at < @before", ("@before", before));
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task DeleteUnhandledForChatAsync(long chatId, CancellationToken cancellationToken)
    {
        // Handled rows keep no text; those that still do are waiting, or set aside.
        await using var command = _tx.Command("DELETE FROM inbox WHERE chat_id = @chat AND (handled_at IS NULL OR payload IS NOT NULL)", ("@chat", chatId));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Updates stored but not yet handled (a crash or a stop came first), oldest first.</summary>
    public Task<IReadOnlyList<(long UpdateId, string Payload)>> PendingAsync(int limit, CancellationToken cancellationToken) =>
        PendingAsync(limit, long.MaxValue, cancellationToken);

    /// <summary>Updates not yet handled that were received before <paramref name="receivedBefore"/>, oldest first.</summary>
    public Task<IReadOnlyList<(long UpdateId, string Payload)>> PendingAsync(int limit, long receivedBefore, CancellationToken cancellationToken) =>
        ReadAsync(
            "SELECT update_id, payload FROM inbox WHERE handled_at IS NULL AND received_at < @before ORDER BY update_id LIMIT @limit",
            cancellationToken, ("@limit", limit), ("@before", receivedBefore));

    /// <summary>A chat's updates not yet handled that came before <paramref name="updateId"/>, oldest first.</summary>
    public Task<IReadOnlyList<(long UpdateId, string Payload)>> PendingBeforeAsync(long chatId, long updateId, CancellationToken cancellationToken) =>
        ReadAsync(
            "SELECT update_id, payload FROM inbox WHERE handled_at IS NULL AND chat_id = @chat AND update_id < @id ORDER BY update_id",
            cancellationToken, ("@chat", chatId), ("@id", updateId));

    /// <summary>
    /// On PostgreSQL, takes the locks of these chats for this transaction, in the order given (callers sort them), so that
    /// transactions holding several chats take them in one order and never deadlock. A chat's lock taken again later in
    /// the same transaction is granted at once. Nothing to do on SQLite, where one writer runs at a time.
    /// </summary>
    public async Task LockChatsAsync(IReadOnlyList<long> sortedChatIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sortedChatIds);
        if (_tx.Dialect.Provider != StorageProvider.Postgres || sortedChatIds.Count == 0)
        {
            return;
        }

        // One statement: the function runs row by row in the array's order.
        await using var command = _tx.Command(
            "SELECT pg_advisory_xact_lock(chat) FROM unnest(@chats::bigint[]) WITH ORDINALITY AS c(chat, n) ORDER BY n",
            ("@chats", sortedChatIds.ToArray()));
        await command.ExecuteNonQueryAsync(cancellationToken);
        _tx.LockedChats.UnionWith(sortedChatIds);
    }

    /// <summary>
    /// Starts handling an update in this transaction. On PostgreSQL it first waits for the chat's lock, so one instance
    /// at a time handles a chat, and locks the update's row.
    /// </summary>
    /// <returns>False when the update was handled already (by another instance, or before a replay): leave it.</returns>
    public async Task<bool> TakeTurnAsync(long updateId, long? chatId, CancellationToken cancellationToken) =>
        await TakeTurnAsync(updateId, chatId, checkEarlier: false, cancellationToken) == Turn.Take;

    /// <param name="checkEarlier">
    /// Also looks, in the same statement, whether an earlier update of the chat still waits (it reached another
    /// instance a moment before, or one that died): then this one is left, for the caller to handle those first.
    /// </param>
    public async Task<Turn> TakeTurnAsync(long updateId, long? chatId, bool checkEarlier, CancellationToken cancellationToken)
    {
        if (_tx.Dialect.Provider == StorageProvider.Postgres && chatId is { } chat && !_tx.LockedChats.Contains(chat))
        {
            // Held until the commit; the key space of one 64-bit number is the chats' alone.
            await using var wait = _tx.Command("SELECT pg_advisory_xact_lock(@chat)", ("@chat", chat));
            await wait.ExecuteNonQueryAsync(cancellationToken);
            _tx.LockedChats.Add(chat);
        }

        var earlier = checkEarlier && chatId is not null
            ? "EXISTS (SELECT 1 FROM inbox e WHERE e.handled_at IS NULL AND e.chat_id = @chat AND e.update_id < @id)"
            : "FALSE";
        await using var command = _tx.Command($"SELECT handled_at, {earlier} FROM inbox WHERE update_id = @id{_tx.ForUpdate}", ("@id", updateId), ("@chat", chatId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (await reader.ReadAsync(cancellationToken) && !reader.IsDBNull(0))
        {
            return Turn.Handled;
        }

        return reader.FieldCount > 1 && reader.HasRows && Convert.ToBoolean(reader.GetValue(1), System.Globalization.CultureInfo.InvariantCulture) ? Turn.EarlierWaiting : Turn.Take;
    }

    /// <summary>What <see cref="TakeTurnAsync(long, long?, bool, CancellationToken)"/> found.</summary>
    public enum Turn
    {
        /// <summary>Handle the update now.</summary>
        Take,

        /// <summary>It was handled already (by another instance, or before a replay): leave it.</summary>
        Handled,

        /// <summary>An earlier update of the chat waits: handle that first.</summary>
        EarlierWaiting,
    }

    private async Task<IReadOnlyList<(long UpdateId, string Payload)>> ReadAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = _tx.Command(sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var pending = new List<(long, string)>();
        while (await reader.ReadAsync(cancellationToken))
        {
            pending.Add((reader.GetInt64(0), reader.IsDBNull(1) ? "" : _tx.Protector.Unprotect(reader.GetString(1), new FieldPlace("inbox", "payload", reader.GetInt64(0))) ?? ""));
        }

        return pending;
    }
}
