using System.Text.Json;
using JumysBot.Conversations;
using JumysBot.Updates;

namespace JumysBot.Storage;

/// <summary>Messages waiting to be sent. A row is written in the handler's transaction and marked sent exactly once.</summary>
public sealed class OutboxRepository
{
    private readonly StorageTransaction _tx;

    internal OutboxRepository(StorageTransaction tx) => _tx = tx;

    public async Task AddAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        await using var command = _tx.Command(
            "INSERT INTO outbox (chat_id, priority, payload, created_at, lead_card, announcement_id, about_lead) VALUES (@chat, @priority, @payload, @now, @card, @announcement, @about)",
            ("@chat", message.ChatId),
            ("@card", message.LeadCard),
            ("@about", message.VoiceOfLead),
            ("@announcement", message.AnnouncementId),
            ("@priority", (int)message.Priority),
            ("@payload", _tx.Protector.Protect(JsonSerializer.Serialize(message, StorageJsonContext.Compact.OutgoingMessage), PayloadPlace(message.ChatId))),
            ("@now", _tx.Now));
        await _tx.WriteAsync(command, cancellationToken);
    }

    /// <summary>
    /// How many of one chat's messages a round takes at most. Telegram lets a chat have about one a second, so a chat
    /// with a long queue (someone writing fast, a group asking for lists) gets a few each round and everybody else's
    /// messages are in the same round.
    /// </summary>
    public const int PerChatInRound = 4;

    /// <summary>
    /// Checked again on the row as it is once locked: a row another instance leased and committed after this statement
    /// began still stands in the pool (the statement's snapshot is older), and PostgreSQL re-reads only a locked row's
    /// own condition. Without it such rows took the places of the limit and were then dropped, and an instance claiming
    /// at the same moment as two others could come away with nothing.
    /// </summary>
    private const string DueAfterLock = "(not_before IS NULL OR not_before <= @now)";

    /// <summary>How many claims deep the pool is from which instances claiming at once take their shares.</summary>
    private const int ClaimPoolDepth = 4;

    /// <summary>
    /// The ids of the unsent rows a round takes: of each chat its first <see cref="PerChatInRound"/> in its own order
    /// (most urgent first, then as written), and of those the most urgent first, up to the limit. With
    /// <c>dueOnly</c>, chats whose first row waits (a retry time, another instance's lease) are left out: nothing of
    /// theirs can go before it.
    /// </summary>
    private static string FairIds(string priorityFilter, string limit, bool dueOnly) =>
        $"""
        SELECT id FROM (
            SELECT id, priority, ROW_NUMBER() OVER (PARTITION BY chat_id ORDER BY priority, id) AS nth,
                FIRST_VALUE(not_before) OVER (PARTITION BY chat_id ORDER BY priority, id) AS head_waits_until
            FROM outbox WHERE sent_at IS NULL AND failed_at IS NULL AND {priorityFilter}) AS ranked
        WHERE nth <= {PerChatInRound}{(dueOnly ? " AND (head_waits_until IS NULL OR head_waits_until <= @now)" : "")}
        ORDER BY priority, id LIMIT {limit}
        """;

    /// <summary>
    /// Unsent rows, most urgent first, and within a priority in the order they were written, at most
    /// <see cref="PerChatInRound"/> of each chat; of the announcements only the first <paramref name="announcementLimit"/>,
    /// so a round stays short and replies written meanwhile go next.
    /// </summary>
    public async Task<IReadOnlyList<OutboxItem>> PendingAsync(int limit, int announcementLimit, CancellationToken cancellationToken)
    {
        // Most rounds find few messages of each chat: the oldest rows are then the fair choice already, and the index
        // gives them without ranking every waiting row. Only a chat with a long queue makes the ranked query necessary.
        var plain = await ReadPendingAsync(
            $"""
            SELECT * FROM (SELECT id, payload, attempts, not_before, in_doubt, chat_id FROM outbox
                WHERE sent_at IS NULL AND failed_at IS NULL AND priority < {(int)MessagePriority.Announcement}
                ORDER BY priority, id LIMIT @limit) AS urgent
            UNION ALL
            SELECT * FROM (SELECT id, payload, attempts, not_before, in_doubt, chat_id FROM outbox
                WHERE sent_at IS NULL AND failed_at IS NULL AND priority = {(int)MessagePriority.Announcement}
                ORDER BY id LIMIT @announcements) AS announcements
            """,
            limit, announcementLimit, cancellationToken);
        if (plain.CountBy(i => i.Message.ChatId).All(chat => chat.Value <= PerChatInRound))
        {
            return plain;
        }

        return await ReadPendingAsync(
            $"""
            SELECT id, payload, attempts, not_before, in_doubt, chat_id, priority FROM outbox WHERE id IN (
                {FairIds($"priority < {(int)MessagePriority.Announcement}", "@limit", dueOnly: false)})
            UNION ALL
            SELECT id, payload, attempts, not_before, in_doubt, chat_id, priority FROM outbox WHERE id IN (
                {FairIds($"priority = {(int)MessagePriority.Announcement}", "@announcements", dueOnly: false)})
            ORDER BY priority, id
            """,
            limit, announcementLimit, cancellationToken);
    }

    private async Task<IReadOnlyList<OutboxItem>> ReadPendingAsync(string sql, int limit, int announcementLimit, CancellationToken cancellationToken)
    {
        await using var command = _tx.Command(sql, ("@limit", limit), ("@announcements", announcementLimit));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var items = new List<OutboxItem>();
        while (await reader.ReadAsync(cancellationToken))
        {
            items.Add(ReadItem(reader));
        }

        return items;
    }

    /// <summary>
    /// On a shared store (PostgreSQL), takes this instance's share of the due rows, in the order of
    /// <see cref="PendingAsync"/>: the rows are locked with <c>FOR UPDATE SKIP LOCKED</c>, so instances claiming at the
    /// same moment never take the same row; of each chat only the due rows before the first one this instance could not
    /// lock (another is claiming it) or that waits (its retry time, or another instance's lease) are kept, so a chat's
    /// messages still go out in order. The kept rows are leased until <paramref name="leaseUntil"/>: to every other
    /// instance they wait, and after a crash they are sent again once the lease has passed.
    /// </summary>
    public Task<IReadOnlyList<OutboxItem>> ClaimDueAsync(int limit, int announcementLimit, long leaseUntil, CancellationToken cancellationToken) =>
        ClaimDueAsync(limit, announcementLimit, leaseUntil, claimedBy: null, cancellationToken);

    /// <param name="claimedBy">The claiming instance (<see cref="InstanceLiveness"/>): should it die, the lease ends at once.</param>
    public async Task<IReadOnlyList<OutboxItem>> ClaimDueAsync(int limit, int announcementLimit, long leaseUntil, int? claimedBy, CancellationToken cancellationToken)
    {
        var locked = new Dictionary<long, (long ChatId, OutboxItem Item, int Order)>();
        // The fair choice is made from a pool a few claims deep: instances claiming at the same moment skip the rows
        // another has locked (SKIP LOCKED never waits, so claims cannot deadlock) and each finds its own share.
        await using (var command = _tx.Command(
            $"""
            SELECT * FROM (SELECT id, payload, attempts, not_before, in_doubt, chat_id FROM outbox WHERE id IN (
                {FairIds($"priority < {(int)MessagePriority.Announcement}", "@pool", dueOnly: true)}) AND {DueAfterLock}
                ORDER BY priority, id LIMIT @limit FOR UPDATE SKIP LOCKED) AS urgent
            UNION ALL
            SELECT * FROM (SELECT id, payload, attempts, not_before, in_doubt, chat_id FROM outbox WHERE id IN (
                {FairIds($"priority = {(int)MessagePriority.Announcement}", "@announcementPool", dueOnly: true)}) AND {DueAfterLock}
                ORDER BY id LIMIT @announcements FOR UPDATE SKIP LOCKED) AS announcements
            """,
            ("@limit", limit), ("@pool", limit * ClaimPoolDepth), ("@announcements", announcementLimit),
            ("@announcementPool", announcementLimit * ClaimPoolDepth), ("@now", _tx.Now)))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                locked[reader.GetInt64(0)] = (reader.GetInt64(5), ReadItem(reader), locked.Count);
            }
        }

        if (locked.Count == 0)
        {
            return [];
        }

        // Every waiting row of those chats, as committed: a row another instance is claiming right now is among them.
        var claimed = new List<OutboxItem>();
        var order = new Dictionary<long, int>();
        await using (var command = _tx.Command(
            "SELECT id, chat_id, claimed_by FROM outbox WHERE chat_id = ANY(@chats) AND sent_at IS NULL AND failed_at IS NULL ORDER BY priority, id",
            ("@chats", locked.Values.Select(v => v.ChatId).Distinct().ToArray())))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            var stopped = new HashSet<long>();
            while (await reader.ReadAsync(cancellationToken))
            {
                var (id, chatId) = (reader.GetInt64(0), reader.GetInt64(1));
                if (stopped.Contains(chatId))
                {
                    continue;
                }

                if (locked.TryGetValue(id, out var row) && (row.Item.NotBefore is null || row.Item.NotBefore <= _tx.Now))
                {
                    claimed.Add(row.Item);
                    order[row.Item.Id] = row.Order;
                }
                else
                {
                    stopped.Add(chatId);
                    if (!reader.IsDBNull(2) && reader.GetInt32(2) != claimedBy)
                    {
                        ClaimConflicts++;
                    }
                }
            }
        }

        if (claimed.Count > 0)
        {
            await using var lease = _tx.Command("UPDATE outbox SET not_before = @lease, claimed_by = @me WHERE id = ANY(@ids)",
                ("@lease", leaseUntil), ("@me", claimedBy), ("@ids", claimed.Select(i => i.Id).ToArray()));
            await lease.ExecuteNonQueryAsync(cancellationToken);
        }

        // In the order of PendingAsync: replies first, announcements last.
        return [.. claimed.OrderBy(i => order[i.Id])];
    }

    /// <summary>How many chats the claims of this transaction left because another instance held an earlier message of theirs.</summary>
    public int ClaimConflicts { get; private set; }

    /// <summary>Gives back leased rows this instance did not try after all (a chat's own rate limit said not yet).</summary>
    public async Task ReleaseAsync(IReadOnlyCollection<long> ids, long leaseUntil, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        await using var command = _tx.Command(
            "UPDATE outbox SET not_before = NULL, claimed_by = NULL WHERE id = ANY(@ids) AND not_before = @lease AND sent_at IS NULL AND failed_at IS NULL",
            ("@ids", ids.ToArray()), ("@lease", leaseUntil));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// On PostgreSQL: the leases of instances that died (their liveness lock is gone) end now, so the next claim of any
    /// instance sends those messages (a card among them says it may be a repeat, if its attempt was under way).
    /// </summary>
    /// <returns>How many rows were freed.</returns>
    public async Task<int> FreeClaimsOfDeadAsync(CancellationToken cancellationToken)
    {
        await using var command = _tx.Command(
            $"""
            UPDATE outbox SET not_before = NULL, claimed_by = NULL
            WHERE claimed_by IS NOT NULL AND sent_at IS NULL AND failed_at IS NULL AND {InstanceLiveness.IsDead("claimed_by")}
            """);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The numbers of instances that hold claims on unsent messages and whose liveness lock is gone.</summary>
    public async Task<IReadOnlyList<int>> DeadClaimantsAsync(CancellationToken cancellationToken)
    {
        await using var command = _tx.Command(
            $"""
            SELECT DISTINCT claimed_by FROM outbox
            WHERE claimed_by IS NOT NULL AND sent_at IS NULL AND failed_at IS NULL AND {InstanceLiveness.IsDead("claimed_by")}
            """);
        var dead = new List<int>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            dead.Add(Convert.ToInt32(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture));
        }

        return dead;
    }

    /// <summary>Frees the unsent messages claimed under these numbers, of those still without a live instance.</summary>
    public async Task<int> FreeClaimsOfDeadAsync(IReadOnlyCollection<int> instances, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(instances);
        await using var command = _tx.Command(
            $"""
            UPDATE outbox SET not_before = NULL, claimed_by = NULL
            WHERE claimed_by = ANY(@instances) AND sent_at IS NULL AND failed_at IS NULL AND {InstanceLiveness.IsDead("claimed_by")}
            """,
            ("@instances", instances.ToArray()));
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// A queued message is bound to the chat it goes to, not to its row: the row's id is known only after the insert,
    /// and a payload moved to another row of the same chat would only send that chat what it was to get anyway.
    /// </summary>
    private static FieldPlace PayloadPlace(long chatId) => new("outbox", "payload", chatId);

    private OutboxItem ReadItem(System.Data.Common.DbDataReader reader)
    {
        var message = JsonSerializer.Deserialize(_tx.Protector.Unprotect(reader.GetString(1), PayloadPlace(reader.GetInt64(5)))!, StorageJsonContext.Default.OutgoingMessage)!;
        return new OutboxItem(reader.GetInt64(0), message, reader.GetInt32(2), reader.IsDBNull(3) ? null : reader.GetInt64(3)) { InDoubt = reader.GetInt32(4) != 0 };
    }

    /// <returns>False when the row was already marked (it is never marked twice).</returns>
    public Task<bool> MarkSentAsync(long id, long? messageId, CancellationToken cancellationToken) =>
        MarkSentAsync(id, messageId, carriesLead: true, cancellationToken);

    /// <param name="carriesLead">False when the sender knows the message is no request's card or voice message:
    /// nothing is then copied into <c>lead_cards</c> and <c>sent_copies</c>, and two statements are saved.</param>
    /// <returns>False when the row was already marked (it is never marked twice); always true without <paramref name="carriesLead"/>.</returns>
    // A sent message is not needed any more: its text (names, phones) is dropped with the mark.
    private System.Data.Common.DbCommand MarkCommand(long id, long? messageId) => _tx.Command(
        "UPDATE outbox SET sent_at = @now, message_id = @message, attempts = attempts + 1, payload = '' WHERE id = @id AND sent_at IS NULL",
        ("@id", id), ("@message", messageId), ("@now", _tx.Now));

    public async Task<bool> MarkSentAsync(long id, long? messageId, bool carriesLead, CancellationToken cancellationToken)
    {
        await using var command = MarkCommand(id, messageId);
        if (!carriesLead)
        {
            // Nothing follows from the outcome: held with the other writes, a batch of marks is one round trip.
            await _tx.WriteAsync(command, cancellationToken);
            return true;
        }

        if (await command.ExecuteNonQueryAsync(cancellationToken) != 1)
        {
            return false;
        }

        // A lead card remembers where it landed, so its status can be edited in place later.
        await using var card = _tx.Command(
            """
            INSERT INTO lead_cards (lead_id, chat_id, message_id)
            SELECT lead_card, chat_id, message_id FROM outbox WHERE id = @id AND lead_card IS NOT NULL AND message_id IS NOT NULL
            ON CONFLICT (lead_id, chat_id) DO UPDATE SET message_id = excluded.message_id
            """,
            ("@id", id));
        await card.ExecuteNonQueryAsync(cancellationToken);

        // Every copy that carries a request's personal data, the older ones too, for an erasure to reach.
        await using var copy = _tx.Command(
            """
            INSERT INTO sent_copies (lead_id, chat_id, message_id, kind)
            SELECT COALESCE(lead_card, about_lead), chat_id, message_id, CASE WHEN lead_card IS NOT NULL THEN 'card' ELSE 'voice' END
            FROM outbox WHERE id = @id AND COALESCE(lead_card, about_lead) IS NOT NULL AND message_id IS NOT NULL
            ON CONFLICT (lead_id, chat_id, message_id) DO NOTHING
            """,
            ("@id", id));
        await copy.ExecuteNonQueryAsync(cancellationToken);
        return true;
    }

    public async Task<int> DeleteFinishedBeforeAsync(long before, CancellationToken cancellationToken)
    {
        await using var command = _tx.Command(
            "DELETE FROM outbox WHERE (sent_at IS NOT NULL AND sent_at < @before) OR (failed_at IS NOT NULL AND failed_at < @before)", ("@before", before));
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Deletes every stored message to a chat, and the cards of the given requests, sent or not.</summary>
    public async Task DeleteForChatAsync(long chatId, IReadOnlyList<long> leadNumbers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(leadNumbers);
        await using var command = _tx.Command("DELETE FROM outbox WHERE chat_id = @chat", ("@chat", chatId));
        await command.ExecuteNonQueryAsync(cancellationToken);
        foreach (var number in leadNumbers)
        {
            await using var cards = _tx.Command("DELETE FROM outbox WHERE lead_card = @lead OR about_lead = @lead", ("@lead", number));
            await cards.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>
    /// Before a lead card or an announcement goes out: from here until an answer, a copy may reach the chat. Committed
    /// before the send, so that after a crash a card says it may be a repeat and an announcement is not sent again.
    /// </summary>
    public async Task MarkOnItsWayAsync(long id, CancellationToken cancellationToken)
    {
        await using var command = _tx.Command("UPDATE outbox SET in_doubt = CASE WHEN in_doubt = 0 THEN 1 ELSE 2 END WHERE id = @id", ("@id", id));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>A row marked on its way whose attempt was never made (the bot stopped first): no doubt comes of it.</summary>
    public async Task NotOnItsWayAsync(long id, CancellationToken cancellationToken)
    {
        await using var command = _tx.Command("UPDATE outbox SET in_doubt = CASE WHEN in_doubt = 1 THEN 0 ELSE in_doubt END WHERE id = @id", ("@id", id));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <param name="mayHaveArrived">True when the attempt ended without Telegram's answer, so it may have been carried out.</param>
    public async Task PostponeAsync(long id, long notBefore, string error, bool mayHaveArrived, CancellationToken cancellationToken)
    {
        await using var command = _tx.Command(
            $"UPDATE outbox SET not_before = @at, claimed_by = NULL, attempts = attempts + 1, last_error = @error, {SettleDoubt} WHERE id = @id",
            ("@id", id), ("@at", notBefore), ("@error", error), ("@may", mayHaveArrived));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task MarkFailedAsync(long id, string error, CancellationToken cancellationToken)
    {
        await using var command = _tx.Command(
            "UPDATE outbox SET failed_at = @now, attempts = attempts + 1, last_error = @error WHERE id = @id",
            ("@id", id), ("@error", error), ("@now", _tx.Now));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    // A refused attempt leaves no copy behind; one without an answer may have.
    private const string SettleDoubt = "in_doubt = CASE WHEN @may THEN 2 WHEN in_doubt = 1 THEN 0 ELSE in_doubt END";

    /// <summary>A person who blocked the bot gets nothing more: their unsent messages are dropped.</summary>
    public async Task DropPendingForChatAsync(long chatId, string reason, CancellationToken cancellationToken)
    {
        await using var command = _tx.Command(
            "UPDATE outbox SET failed_at = @now, last_error = @reason WHERE chat_id = @chat AND sent_at IS NULL AND failed_at IS NULL",
            ("@chat", chatId), ("@reason", reason), ("@now", _tx.Now));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>How many messages wait, and how long the oldest has waited.</summary>
    public async Task<(long Backlog, double OldestAgeSeconds)> StatsAsync(CancellationToken cancellationToken)
    {
        await using var command = _tx.Command("SELECT COUNT(*), MIN(created_at) FROM outbox WHERE sent_at IS NULL AND failed_at IS NULL");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var oldest = reader.IsDBNull(1) ? (long?)null : reader.GetInt64(1);
        return (reader.GetInt64(0), oldest is { } at ? Math.Max(0, (_tx.Now - at) / 1000.0) : 0);
    }

    public async Task<long> BacklogAsync(CancellationToken cancellationToken)
    {
        await using var command = _tx.Command("SELECT COUNT(*) FROM outbox WHERE sent_at IS NULL AND failed_at IS NULL");
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}

/// <summary>An outbox row: the message, how often it was tried, and the earliest time to try again.</summary>
public sealed record OutboxItem(long Id, OutgoingMessage Message, int Attempts, long? NotBefore)
{
    /// <summary>An earlier copy of this lead card may already be in the chat.</summary>
    public bool InDoubt { get; init; }
}
