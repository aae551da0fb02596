namespace JumysBot.Telegram.Types;

public sealed record BotCommand
{
    /// <summary>1–32 characters: lower-case latin letters, digits and underscores, without the slash.</summary>
    public required string Command { get; init; }

    /// <summary>1–256 characters.</summary>
    public required string Description { get; init; }
}
