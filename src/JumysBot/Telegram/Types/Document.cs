namespace JumysBot.Telegram.Types;

public sealed record Document
{
    public required string FileId { get; init; }

    public string? FileName { get; init; }
}
