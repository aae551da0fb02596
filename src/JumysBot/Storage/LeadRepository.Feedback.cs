using JumysBot.Leads;

namespace JumysBot.Storage;

/// <summary>
/// What the person changes on a request after it was worked: the rating and its comment once it is done, and the
/// phone or the way to be contacted when the consultant could not reach them. Every change names the person: a
/// request of someone else is never touched.
/// </summary>
public sealed partial class LeadRepository
{
    /// <summary>Marks that the person was asked to rate the help; false when they were already asked.</summary>
    public async Task<bool> MarkFeedbackAskedAsync(long number, CancellationToken cancellationToken)
    {
        await using var command = _tx.Command(
            "UPDATE leads SET feedback_asked_at = @now WHERE id = @id AND feedback_asked_at IS NULL",
            ("@id", number), ("@now", _tx.Now));
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>Stores a rating of a done request the person was asked about and has not rated yet.</summary>
    public async Task<bool> RateAsync(long number, long personId, int rating, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rating, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(rating, 5);
        await using var command = _tx.Command(
            """
            UPDATE leads SET rating = @rating, rated_at = @now
            WHERE id = @id AND person_id = @person AND person_id <> 0 AND status = 'Done'
                AND feedback_asked_at IS NOT NULL AND rating IS NULL
            """,
            ("@id", number), ("@person", personId), ("@rating", rating), ("@now", _tx.Now));
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>Stores the words that go with a rating, encrypted like the request's comment; once.</summary>
    public async Task<bool> AddFeedbackCommentAsync(long number, long personId, string comment, CancellationToken cancellationToken)
    {
        await using var command = _tx.Command(
            """
            UPDATE leads SET feedback_comment = @comment
            WHERE id = @id AND person_id = @person AND person_id <> 0 AND rating IS NOT NULL AND feedback_comment IS NULL
            """,
            ("@id", number), ("@person", personId), ("@comment", Protect(comment, "feedback_comment", number)));
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>The person gave a new number (+7XXXXXXXXXX) for an open request.</summary>
    public async Task<bool> ChangePhoneAsync(long number, long personId, string phone, CancellationToken cancellationToken)
    {
        await using var command = _tx.Command(
            """
            UPDATE leads SET phone = @phone, updated_at = @now
            WHERE id = @id AND person_id = @person AND person_id <> 0 AND status NOT IN ('Done', 'Cancelled')
            """,
            ("@id", number), ("@person", personId), ("@phone", Protect(phone, "phone", number)),
            ("@now", _tx.Now));
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>The person asked for messages only (no calls) on an open request.</summary>
    public async Task<bool> ChangeToTextOnlyAsync(long number, long personId, CancellationToken cancellationToken)
    {
        await using var command = _tx.Command(
            """
            UPDATE leads SET contact_method = @method, contact_time = NULL, updated_at = @now
            WHERE id = @id AND person_id = @person AND person_id <> 0 AND status NOT IN ('Done', 'Cancelled')
                AND contact_method = @call
            """,
            ("@id", number), ("@person", personId), ("@method", ContactMethod.Telegram.ToString()),
            ("@call", ContactMethod.Call.ToString()), ("@now", _tx.Now));
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }
}
