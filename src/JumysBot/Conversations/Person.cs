using JumysBot.Localization;

namespace JumysBot.Conversations;

/// <summary>
/// What the bot keeps about a person outside any request: their language, and the answers they chose to give so
/// the bot need not ask again. Every answer can be "prefer not to say".
/// </summary>
public sealed record Person(long Id)
{
    public Language? Language { get; init; }

    public PersonRole? Role { get; init; }

    public DisabilityGroup? DisabilityGroup { get; init; }

    public AgeBand? AgeBand { get; init; }

    public Goal? Goal { get; init; }

    /// <summary>The version of the consent text the person agreed to, and when (unix milliseconds).</summary>
    public int? ConsentVersion { get; init; }

    public long? ConsentAt { get; init; }

    /// <summary>The first start link the person came through (<c>p-temirtau</c>), and its campaign tag, for the statistics.</summary>
    public string? Source { get; init; }

    public string? Campaign { get; init; }

    /// <summary>What features keep with the profile: the person's requests, a subscription to announcements.</summary>
    public ProfileParts Parts { get; init; } = ProfileParts.Empty;

    /// <summary>A feature's part of the profile, or null.</summary>
    public T? Part<T>()
        where T : class => Parts.Get<T>();

    /// <summary>The person with a feature's part set, or removed when it is null.</summary>
    public Person WithPart<T>(T? part)
        where T : class => this with { Parts = Parts.With(part) };

    /// <summary>False once the person blocked the bot; nothing more is sent to them.</summary>
    public bool IsActive { get; init; } = true;
}

public enum PersonRole
{
    PersonWithDisability,
    CarerOfChild,
    Other,
    NotSaid,
}

public enum DisabilityGroup
{
    First,
    Second,
    Third,
    Child,
    NotSaid,
}

/// <summary>What the person looks for, asked by «what suits me»; measures are matched to it.</summary>
public enum Goal
{
    Job,
    Learn,
    Business,
    Support,
}

/// <summary>The person's age, in the bands measures are meant for.</summary>
public enum AgeBand
{
    Under35,
    From35To49,
    From50,
}
