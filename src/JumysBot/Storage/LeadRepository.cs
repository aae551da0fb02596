using System.Data.Common;
using JumysBot.Conversations;
using JumysBot.Leads;

namespace JumysBot.Storage;

/// <summary>Requests and their status history.</summary>
public sealed partial class LeadRepository
{
    private readonly StorageTransaction _tx;

    internal LeadRepository(StorageTransaction tx) => _tx = tx;

    /// <summary>Stores a new request with its first status; returns its public number.</summary>
    /// <remarks>
    /// The personal fields are written once the number is known: each ciphertext is bound to its row by the number,
    /// which the database gives only on insert.
    /// </remarks>
    public async Task<long> AddAsync(Lead lead, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lead);
        var d = lead.Draft;
        await using var insert = _tx.Command(
            """
            INSERT INTO leads (person_id, kind, measure_id, topic, contact_method, contact_time, place_id,
                point_id, language, status, created_at, updated_at, source, campaign, consent_version, consent_at)
            VALUES (@person, @kind, @measure, @topic, @method, @time, @place,
                @point, @language, @status, @now, @now, @source, @campaign, @consent, @consentAt)
            RETURNING id
            """,
            ("@person", lead.PersonId), ("@kind", d.Kind.ToString()), ("@measure", d.MeasureId), ("@topic", d.Topic),
            ("@method", (d.ContactMethod ?? ContactMethod.Call).ToString()), ("@time", d.ContactTime?.ToString()), ("@place", d.PlaceId),
            ("@point", lead.PointId), ("@language", lead.Language), ("@status", lead.Status.ToString()), ("@now", _tx.Now),
            ("@source", lead.Source), ("@campaign", lead.Campaign), ("@consent", lead.ConsentVersion), ("@consentAt", lead.ConsentAt));
        var number = (long)(await insert.ExecuteScalarAsync(cancellationToken))!;

        await using var personal = _tx.Command(
            """
            UPDATE leads SET name = @name, phone = @phone, location = @location, disability_group = @group, comment = @comment,
                voice_file_id = @voice
            WHERE id = @id
            """,
            ("@id", number), ("@name", Protect(d.Name, "name", number)), ("@phone", Protect(d.Phone, "phone", number)),
            ("@location", Protect(LeadLocation.Format(d.Latitude, d.Longitude), "location", number)),
            ("@group", Protect(d.DisabilityGroup?.ToString(), "disability_group", number)),
            ("@comment", Protect(d.Comment, "comment", number)), ("@voice", Protect(d.VoiceFileId, "voice_file_id", number)));
        await personal.ExecuteNonQueryAsync(cancellationToken);
        await AddHistoryAsync(number, lead.Status, actor, cancellationToken);
        return number;
    }

    private string? Protect(string? value, string column, long number) => _tx.Protector.Protect(value, new FieldPlace("leads", column, number));

    private string? Unprotect(string? value, string column, long number) => _tx.Protector.Unprotect(value, new FieldPlace("leads", column, number));

    /// <summary>In a write transaction on PostgreSQL the row stays locked until the commit: two presses on one card take turns.</summary>
    public async Task<Lead?> FindAsync(long number, CancellationToken cancellationToken)
    {
        await using var command = _tx.Command($"SELECT {Columns} FROM leads WHERE id = @id{_tx.ForUpdate}", ("@id", number));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    /// <summary>
    /// True when the request's person was erased or anonymised (its person is 0). Locks the row on a shared store, as
    /// <see cref="FindAsync"/> does: an erasure of the request waits for the caller's transaction, or went before it.
    /// </summary>
    public async Task<bool> IsForgottenAsync(long number, CancellationToken cancellationToken)
    {
        await using var command = _tx.Command($"SELECT person_id FROM leads WHERE id = @id{_tx.ForUpdate}", ("@id", number));
        return await command.ExecuteScalarAsync(cancellationToken) is { } person && Convert.ToInt64(person, System.Globalization.CultureInfo.InvariantCulture) == 0;
    }

    /// <summary>A person's requests, newest first: to show an open one instead of a duplicate, and for /mydata.</summary>
    public Task<IReadOnlyList<Lead>> ForPersonAsync(long personId, CancellationToken cancellationToken) =>
        ListAsync(ForPersonSql, cancellationToken, ("@person", personId));

    /// <summary>Plans <see cref="ForPersonAsync"/> to go ahead with the transaction's next statement (on PostgreSQL).</summary>
    public void ReadAheadForPerson(long personId) => _tx.ReadAhead(ForPersonSql, ("@person", personId));

    private static readonly string ForPersonSql = $"SELECT {Columns} FROM leads WHERE person_id = @person ORDER BY id DESC LIMIT 20";

    /// <summary>
    /// What an anonymised request keeps: its number with the consent record (version and time), and what counts for
    /// statistics (kind, measure, district, point, status, dates, rating, start link). Nothing else of the person.
    /// </summary>
    private const string Anonymised =
        "person_id = 0, name = NULL, phone = NULL, comment = NULL, voice_file_id = NULL, location = NULL, disability_group = NULL, feedback_comment = NULL, contact_time = NULL";

    /// <summary>Closed requests older than the retention term keep only their anonymous counts.</summary>
    /// <returns>The numbers anonymised now.</returns>
    public async Task<IReadOnlyList<long>> AnonymiseClosedBeforeAsync(long before, CancellationToken cancellationToken)
    {
        const string Due = "status IN ('Done', 'Cancelled') AND updated_at < @before AND (person_id <> 0 OR phone IS NOT NULL OR feedback_comment IS NOT NULL)";
        var numbers = await NumbersAsync($"SELECT id FROM leads WHERE {Due} ORDER BY id", cancellationToken, ("@before", before));
        await using var command = _tx.Command($"UPDATE leads SET {Anonymised} WHERE {Due}", ("@before", before));
        await command.ExecuteNonQueryAsync(cancellationToken);
        return numbers;
    }

    /// <summary>A request nobody took within the term is closed and anonymised at once.</summary>
    /// <returns>The numbers closed.</returns>
    public async Task<IReadOnlyList<long>> CloseUntakenBeforeAsync(long before, CancellationToken cancellationToken)
    {
        var numbers = await NumbersAsync("SELECT id FROM leads WHERE status = 'New' AND created_at < @before ORDER BY id", cancellationToken, ("@before", before));
        foreach (var number in numbers)
        {
            await ChangeStatusAsync(number, LeadStatus.Cancelled, "retention", cancellationToken);
            await using var anonymise = _tx.Command($"UPDATE leads SET {Anonymised} WHERE id = @id", ("@id", number));
            await anonymise.ExecuteNonQueryAsync(cancellationToken);
        }

        return numbers;
    }

    private async Task<List<long>> NumbersAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = _tx.Command(sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var numbers = new List<long>();
        while (await reader.ReadAsync(cancellationToken))
        {
            numbers.Add(reader.GetInt64(0));
        }

        return numbers;
    }

    /// <summary>Every message sent with the request's personal data: each card copy and each forwarded voice message.</summary>
    public async Task<IReadOnlyList<(long ChatId, long MessageId, bool IsVoice)>> SentCopiesAsync(long number, CancellationToken cancellationToken)
    {
        await using var command = _tx.Command("SELECT chat_id, message_id, kind FROM sent_copies WHERE lead_id = @id ORDER BY chat_id, message_id", ("@id", number));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var copies = new List<(long, long, bool)>();
        while (await reader.ReadAsync(cancellationToken))
        {
            copies.Add((reader.GetInt64(0), reader.GetInt64(1), reader.GetString(2) == "voice"));
        }

        return copies;
    }

    /// <summary>A copy that arrived after its request was erased: kept with the others until it is deleted.</summary>
    public async Task AddSentCopyAsync(long number, long chatId, long messageId, bool isVoice, CancellationToken cancellationToken)
    {
        await using var command = _tx.Command(
            """
            INSERT INTO sent_copies (lead_id, chat_id, message_id, kind) VALUES (@id, @chat, @message, @kind)
            ON CONFLICT (lead_id, chat_id, message_id) DO NOTHING
            """,
            ("@id", number), ("@chat", chatId), ("@message", messageId), ("@kind", isVoice ? "voice" : "card"));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// The person asked to be forgotten: their requests keep only what counts for statistics (kind, place, point,
    /// status, dates); open ones are cancelled.
    /// </summary>
    /// <returns>The numbers of all the person's requests, the oldest too.</returns>
    public async Task<IReadOnlyList<long>> AnonymiseForPersonAsync(long personId, CancellationToken cancellationToken)
    {
        var numbers = await NumbersAsync("SELECT id FROM leads WHERE person_id = @person ORDER BY id", cancellationToken, ("@person", personId));

        foreach (var number in numbers)
        {
            if (await FindAsync(number, cancellationToken) is { IsOpen: true })
            {
                await ChangeStatusAsync(number, LeadStatus.Cancelled, "person", cancellationToken);
            }
        }

        await using var command = _tx.Command(
            $"UPDATE leads SET {Anonymised}, updated_at = @now WHERE person_id = @person", ("@person", personId), ("@now", _tx.Now));
        await command.ExecuteNonQueryAsync(cancellationToken);
        return numbers;
    }

    private async Task AddHistoryAsync(long number, LeadStatus status, string actor, CancellationToken cancellationToken)
    {
        await using var command = _tx.Command(
            "INSERT INTO lead_history (lead_id, status, at, actor) VALUES (@id, @status, @now, @actor)",
            ("@id", number), ("@status", status.ToString()), ("@now", _tx.Now), ("@actor", actor));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private const string Columns =
        "id, person_id, kind, measure_id, topic, name, phone, contact_method, contact_time, place_id, location, point_id, disability_group, comment, voice_file_id, language, status, created_at, taken_by, feedback_asked_at, rating, feedback_comment, consent_version, consent_at";

    /// <summary>Changes the status and records who did it; the first contact time is kept for the reports.</summary>
    public async Task ChangeStatusAsync(long number, LeadStatus status, string actor, CancellationToken cancellationToken)
    {
        await using var update = _tx.Command(
            """
            UPDATE leads SET status = @status, updated_at = @now, taken_by = @actor,
                first_contact_at = CASE WHEN @contacted = 1 AND first_contact_at IS NULL THEN @now ELSE first_contact_at END
            WHERE id = @id
            """,
            ("@id", number), ("@status", status.ToString()), ("@now", _tx.Now), ("@actor", actor),
            ("@contacted", status is LeadStatus.Contacted or LeadStatus.Done ? 1 : 0));
        await update.ExecuteNonQueryAsync(cancellationToken);
        await AddHistoryAsync(number, status, actor, cancellationToken);
    }

    public Task<IReadOnlyList<Lead>> OpenForPointAsync(string pointId, CancellationToken cancellationToken) =>
        ListAsync($"SELECT {Columns} FROM leads WHERE point_id = @point AND status NOT IN ('Done', 'Cancelled') ORDER BY id LIMIT 50",
            cancellationToken, ("@point", pointId));

    public Task<IReadOnlyList<Lead>> ForPointAsync(string pointId, long from, long to, CancellationToken cancellationToken) =>
        ListAsync($"SELECT {Columns} FROM leads WHERE point_id = @point AND created_at >= @from AND created_at < @to ORDER BY id",
            cancellationToken, ("@point", pointId), ("@from", from), ("@to", to));

    /// <summary>New requests nobody has taken since <paramref name="before"/>, not yet reminded (or escalated).</summary>
    public Task<IReadOnlyList<Lead>> UntakenAsync(bool escalation, CancellationToken cancellationToken) =>
        ListAsync($"SELECT {Columns} FROM leads WHERE status = 'New' AND {(escalation ? "reminded_at IS NOT NULL AND escalated_at IS NULL" : "reminded_at IS NULL")} ORDER BY id LIMIT 200{_tx.ForUpdate}",
            cancellationToken);

    public async Task MarkFollowedUpAsync(long number, bool escalation, CancellationToken cancellationToken)
    {
        await using var command = _tx.Command(
            escalation ? "UPDATE leads SET escalated_at = @now WHERE id = @id" : "UPDATE leads SET reminded_at = @now WHERE id = @id",
            ("@id", number), ("@now", _tx.Now));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// Where the request's card was sent, to edit it in place. Chats that were revoked or now serve another point are
    /// left out: they get nothing more about it, unless <paramref name="evenRevoked"/> (an erasure that blanks the card).
    /// </summary>
    public async Task<IReadOnlyList<(long ChatId, long MessageId)>> CardsAsync(long number, CancellationToken cancellationToken, bool evenRevoked = false)
    {
        await using var command = _tx.Command(
            $"""
            SELECT c.chat_id, c.message_id FROM lead_cards c LEFT JOIN leads l ON l.id = c.lead_id
            WHERE c.lead_id = @id{(evenRevoked ? "" : " AND NOT EXISTS (SELECT 1 FROM consultant_chats b WHERE b.chat_id = c.chat_id AND (b.active = 0 OR b.point_id <> l.point_id))")}
            """,
            ("@id", number));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var cards = new List<(long, long)>();
        while (await reader.ReadAsync(cancellationToken))
        {
            cards.Add((reader.GetInt64(0), reader.GetInt64(1)));
        }

        return cards;
    }

    public async Task AddFunnelEventAsync(string name, LeadKind kind, CancellationToken cancellationToken)
    {
        await using var command = _tx.Command("INSERT INTO funnel_events (name, kind, at) VALUES (@name, @kind, @now)",
            ("@name", name), ("@kind", kind.ToString()), ("@now", _tx.Now));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>One /start, anonymous: only the link it came through, for the statistics by source.</summary>
    public async Task AddArrivalAsync(string? source, string? campaign, CancellationToken cancellationToken)
    {
        await using var command = _tx.Command("INSERT INTO arrivals (source, campaign, at) VALUES (@source, @campaign, @now)",
            ("@source", source), ("@campaign", campaign), ("@now", _tx.Now));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<IReadOnlyList<Lead>> ListAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = _tx.Command(sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var leads = new List<Lead>();
        while (await reader.ReadAsync(cancellationToken))
        {
            leads.Add(Read(reader));
        }

        return leads;
    }

    private Lead Read(DbDataReader r)
    {
        var number = r.GetInt64(0);
        var (latitude, longitude) = LeadLocation.Parse(Unprotect(Text(r, 10), "location", number));
        return new()
        {
            Number = number,
            PersonId = r.GetInt64(1),
            Draft = new LeadDraft
            {
                Kind = Enum.Parse<LeadKind>(r.GetString(2)),
                MeasureId = Text(r, 3),
                Topic = Text(r, 4),
                Name = Unprotect(Text(r, 5), "name", number),
                Phone = Unprotect(Text(r, 6), "phone", number),
                ContactMethod = Enum.Parse<ContactMethod>(r.GetString(7)),
                ContactTime = Text(r, 8) is { } time ? Enum.Parse<ContactTime>(time) : null,
                PlaceId = Text(r, 9),
                Latitude = latitude,
                Longitude = longitude,
                DisabilityGroup = Enum.TryParse<DisabilityGroup>(Unprotect(Text(r, 12), "disability_group", number), out var group) ? group : null,
                Comment = Unprotect(Text(r, 13), "comment", number),
                VoiceFileId = Unprotect(Text(r, 14), "voice_file_id", number),
            },
            PointId = r.GetString(11),
            Language = r.GetString(15),
            Status = Enum.Parse<LeadStatus>(r.GetString(16)),
            CreatedAt = r.GetInt64(17),
            TakenBy = Text(r, 18),
            FeedbackAskedAt = r.IsDBNull(19) ? null : r.GetInt64(19),
            Rating = r.IsDBNull(20) ? null : r.GetInt32(20),
            FeedbackComment = Unprotect(Text(r, 21), "feedback_comment", number),
            ConsentVersion = r.IsDBNull(22) ? null : r.GetInt32(22),
            ConsentAt = r.IsDBNull(23) ? null : r.GetInt64(23),
        };
    }

    private static string? Text(DbDataReader reader, int column) => reader.IsDBNull(column) ? null : reader.GetString(column);
}

/// <summary>A shared location as one stored text value, «latitude,longitude», so it can be encrypted like any field.</summary>
internal static class LeadLocation
{
    public static string? Format(double? latitude, double? longitude) =>
        latitude is { } lat && longitude is { } lon
            ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{lat:R},{lon:R}")
            : null;

    public static (double? Latitude, double? Longitude) Parse(string? stored)
    {
        var parts = stored?.Split(',');
        var invariant = System.Globalization.CultureInfo.InvariantCulture;
        return parts is [var lat, var lon]
            && double.TryParse(lat, System.Globalization.NumberStyles.Float, invariant, out var latitude)
            && double.TryParse(lon, System.Globalization.NumberStyles.Float, invariant, out var longitude)
            ? (latitude, longitude)
            : (null, null);
    }
}
