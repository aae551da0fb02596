using JumysBot.Conversations;

namespace JumysBot.Leads;

/// <summary>A request being filled in, kept with the conversation so it survives a restart halfway.</summary>
public sealed record LeadDraft
{
    public required LeadKind Kind { get; init; }

    /// <summary>The measure the person tapped «I want this» on, if they came from a card.</summary>
    public string? MeasureId { get; init; }

    /// <summary>The flow's own first answer: which course, how far with Bastau Business, which kind of job, what help.</summary>
    public string? Topic { get; init; }

    public string? Name { get; init; }

    /// <summary>Always +7XXXXXXXXXX.</summary>
    public string? Phone { get; init; }

    public ContactMethod? ContactMethod { get; init; }

    public ContactTime? ContactTime { get; init; }

    public string? PlaceId { get; init; }

    /// <summary>The point the person chose by coming through its start link (a poster on its door): no place is asked.</summary>
    public string? PointId { get; init; }

    public double? Latitude { get; init; }

    public double? Longitude { get; init; }

    public DisabilityGroup? DisabilityGroup { get; init; }

    public string? Comment { get; init; }

    public string? VoiceFileId { get; init; }

    /// <summary>The person is changing one answer from the review: after it, back to the review.</summary>
    public bool Editing { get; init; }
}

/// <summary>How the person wants to be reached; text only is for deaf and hard-of-hearing people.</summary>
public enum ContactMethod
{
    Call,
    Telegram,
    Sms,
}

public enum ContactTime
{
    Morning,
    Afternoon,
    Evening,
    Any,
}
