using JumysBot.Localization;

namespace JumysBot.Conversations;

/// <summary>What the bot keeps about a person before any consent: their language and who they said they are.</summary>
public sealed record Person(long Id)
{
    public Language? Language { get; init; }

    public PersonRole? Role { get; init; }

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
