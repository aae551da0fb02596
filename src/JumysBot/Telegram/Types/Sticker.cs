namespace JumysBot.Telegram.Types;

public sealed record Sticker
{
    public required string FileId { get; init; }

    public string? Emoji { get; init; }
}
