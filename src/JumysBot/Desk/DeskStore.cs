using System.Data.Common;
using JumysBot.Leads;
using JumysBot.Storage;

namespace JumysBot.Desk;

/// <summary>One row of a point's list: what the desk shows without opening the request (no personal data).</summary>
public sealed record DeskListRow(long Number, LeadKind Kind, string? MeasureId, string? Topic, string? PlaceId, LeadStatus Status, long CreatedAt, long? FirstContactAt);

/// <summary>What narrows a point's list.</summary>
public sealed record DeskFilter(LeadStatus? Status, LeadKind? Kind, string? PlaceId, bool OverdueOnly, long? Number);

public sealed record DeskHistoryEntry(LeadStatus Status, long At, string Actor);

public sealed record DeskNote(long AuthorId, string AuthorName, string Text, long At);

/// <summary>The desk's own reads and writes: lists, history and private notes (migration 10).</summary>
public static class DeskStore
{
    public const int NoteMaxLength = 1000;

    public static async Task<IReadOnlyList<DeskListRow>> ListAsync(StorageTransaction tx, string pointId, DeskFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tx);
        ArgumentNullException.ThrowIfNull(filter);
        var sql = "SELECT id, kind, measure_id, topic, place_id, status, created_at, first_contact_at FROM leads WHERE point_id = @point"
            + (filter.Status is null ? "" : " AND status = @status")
            + (filter.Kind is null ? "" : " AND kind = @kind")
            + (filter.PlaceId is null ? "" : " AND place_id = @place")
            + (filter.Number is null ? "" : " AND id = @number")
            + " ORDER BY id DESC LIMIT 300";
        List<(string, object?)> parameters = [("@point", pointId)];
        if (filter.Status is { } status)
        {
            parameters.Add(("@status", status.ToString()));
        }

        if (filter.Kind is { } kind)
        {
            parameters.Add(("@kind", kind.ToString()));
        }

        if (filter.PlaceId is { } place)
        {
            parameters.Add(("@place", place));
        }

        if (filter.Number is { } number)
        {
            parameters.Add(("@number", number));
        }

        await using var command = tx.Command(sql, [.. parameters]);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<DeskListRow>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new DeskListRow(
                reader.GetInt64(0), Enum.Parse<LeadKind>(reader.GetString(1)), Text(reader, 2), Text(reader, 3), Text(reader, 4),
                Enum.Parse<LeadStatus>(reader.GetString(5)), reader.GetInt64(6), reader.IsDBNull(7) ? null : reader.GetInt64(7)));
        }

        return rows;
    }

    public static async Task<IReadOnlyList<DeskHistoryEntry>> HistoryAsync(StorageTransaction tx, long number, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tx);
        await using var command = tx.Command("SELECT status, at, actor FROM lead_history WHERE lead_id = @id ORDER BY at", ("@id", number));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var entries = new List<DeskHistoryEntry>();
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(new DeskHistoryEntry(Enum.Parse<LeadStatus>(reader.GetString(0)), reader.GetInt64(1), reader.GetString(2)));
        }

        return entries;
    }

    public static async Task<IReadOnlyList<DeskNote>> NotesAsync(StorageTransaction tx, long number, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tx);
        // Not shown once the person is forgotten, even before the eraser's next round.
        await using var command = tx.Command(
            "SELECT n.author_id, n.author_name, n.text, n.at FROM desk_notes n JOIN leads l ON l.id = n.lead_id WHERE n.lead_id = @id AND l.person_id <> 0 ORDER BY n.id",
            ("@id", number));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var notes = new List<DeskNote>();
        while (await reader.ReadAsync(cancellationToken))
        {
            notes.Add(new DeskNote(reader.GetInt64(0), reader.GetString(1), tx.Protector.Unprotect(reader.GetString(2), NotePlace(number)) ?? "", reader.GetInt64(3)));
        }

        return notes;
    }

    /// <summary>A note's ciphertext is bound to its request (its own id is not known before the insert).</summary>
    private static FieldPlace NotePlace(long number) => new("desk_notes", "text", number);

    /// <summary>A note may name the person or their situation: it is encrypted like the request's comment.</summary>
    public static async Task AddNoteAsync(StorageTransaction tx, long number, DeskUser author, string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tx);
        ArgumentNullException.ThrowIfNull(author);
        await using var command = tx.Command(
            "INSERT INTO desk_notes (lead_id, author_id, author_name, text, at) VALUES (@id, @author, @name, @text, @now)",
            ("@id", number), ("@author", author.Id), ("@name", author.FirstName), ("@text", tx.Protector.Protect(text, NotePlace(number))), ("@now", tx.Now));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// Notes of requests whose person was forgotten (by their wish or by the retention term): the request keeps only its
    /// anonymous fields, and a note about the person goes with the rest.
    /// </summary>
    public static async Task<int> ForgetNotesOfAnonymisedAsync(StorageTransaction tx, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tx);
        await using var command = tx.Command("DELETE FROM desk_notes WHERE lead_id IN (SELECT id FROM leads WHERE person_id = 0)");
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>True the first time for a user: the caller then sets their menu button.</summary>
    public static async Task<bool> RememberMenuButtonAsync(StorageTransaction tx, long userId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tx);
        await using var command = tx.Command(
            "INSERT INTO desk_menu_buttons (user_id, set_at) VALUES (@user, @now) ON CONFLICT (user_id) DO NOTHING", ("@user", userId), ("@now", tx.Now));
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>True when the user had the desk's menu button: the caller then takes it away.</summary>
    public static async Task<bool> ForgetMenuButtonAsync(StorageTransaction tx, long userId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tx);
        await using var command = tx.Command("DELETE FROM desk_menu_buttons WHERE user_id = @user", ("@user", userId));
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>Claims the invitation of a chat to the desk at this address; false when it was already sent.</summary>
    public static async Task<bool> ClaimInvitationAsync(StorageTransaction tx, long chatId, string url, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tx);
        await using var command = tx.Command(
            """
            INSERT INTO desk_invitations (chat_id, url, sent_at) VALUES (@chat, @url, @now)
            ON CONFLICT (chat_id) DO UPDATE SET url = excluded.url, sent_at = excluded.sent_at WHERE desk_invitations.url <> excluded.url
            """,
            ("@chat", chatId), ("@url", url), ("@now", tx.Now));
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public static async Task ReleaseInvitationAsync(StorageTransaction tx, long chatId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tx);
        await using var command = tx.Command("DELETE FROM desk_invitations WHERE chat_id = @chat", ("@chat", chatId));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static string? Text(DbDataReader reader, int column) => reader.IsDBNull(column) ? null : reader.GetString(column);
}
