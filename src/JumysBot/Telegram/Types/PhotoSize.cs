namespace JumysBot.Telegram.Types;

public sealed record PhotoSize
{
    public required string FileId { get; init; }

    public required int Width { get; init; }

    public required int Height { get; init; }
}
