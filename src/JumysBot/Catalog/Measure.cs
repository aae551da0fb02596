using JumysBot.Content;
using JumysBot.Conversations;

namespace JumysBot.Catalog;

/// <summary>A state support measure as a person reads it: what it is, what you get, who can apply, how, and what to do next.</summary>
public sealed record Measure
{
    public required string Id { get; init; }

    public required MeasureCategory Category { get; init; }

    public required IReadOnlySet<Audience> Audiences { get; init; }

    /// <summary><c>national</c> or a region id such as <c>karaganda</c>.</summary>
    public required string Region { get; init; }

    public required IReadOnlySet<Goal> Goals { get; init; }

    public required IReadOnlySet<AgeBand> Ages { get; init; }

    public required LocalizedText Title { get; init; }

    public required LocalizedText Summary { get; init; }

    public LocalizedText? WhatYouGet { get; init; }

    public LocalizedText? WhoCanApply { get; init; }

    public LocalizedText? HowToApply { get; init; }

    public required MeasureAction Action { get; init; }

    public Uri? Link { get; init; }

    public required IReadOnlyList<string> Keywords { get; init; }

    public required string Source { get; init; }
}

public enum MeasureCategory
{
    Work,
    Training,
    OwnBusiness,
    SupportAtWork,
    SocialHelp,
}

public enum Audience
{
    Disability,
    Carer,
    Youth,
    Senior,
}

/// <summary>Where a measure leads: registering interest (a request for a consultant), a consultation point, or a link.</summary>
public enum MeasureAction
{
    None,
    RegisterTraining,
    RegisterGrant,
    RegisterJob,
    RegisterJobCoach,

    /// <summary>A request the consultant passes on to the office that handles the measure (<c>register_other</c>).</summary>
    RegisterOther,
    FindPoint,
    Link,
}
