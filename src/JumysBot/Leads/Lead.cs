namespace JumysBot.Leads;

/// <summary>A registered request: what the person asked for, how to reach them, and which point works it.</summary>
public sealed record Lead
{
    /// <summary>The short public number the person and the consultant both see.</summary>
    public long Number { get; init; }

    public required long PersonId { get; init; }

    public required LeadDraft Draft { get; init; }

    public required string PointId { get; init; }

    public required string Language { get; init; }

    public LeadStatus Status { get; init; } = LeadStatus.New;

    public long CreatedAt { get; init; }

    /// <summary>The start link (and campaign) that brought the person, copied when the request is registered.</summary>
    public string? Source { get; init; }

    public string? Campaign { get; init; }

    /// <summary>Who last changed the status in a consultant chat (a first name, never a phone).</summary>
    public string? TakenBy { get; init; }

    /// <summary>When the person was asked to rate the help (once, after the request was done).</summary>
    public long? FeedbackAskedAt { get; init; }

    /// <summary>The person's rating of the help, 1 to 5.</summary>
    public int? Rating { get; init; }

    /// <summary>The person's optional words with the rating; personal, like the request's comment.</summary>
    public string? FeedbackComment { get; init; }

    /// <summary>
    /// The version of the consent text the person agreed to for this request, and when: the consent record, which an
    /// erased or anonymised request keeps.
    /// </summary>
    public int? ConsentVersion { get; init; }

    public long? ConsentAt { get; init; }

    public bool IsOpen => Status is not (LeadStatus.Done or LeadStatus.Cancelled);

    /// <summary>The person asked to be forgotten: only anonymous fields remain.</summary>
    public bool IsForgotten => PersonId == 0;
}
