namespace JumysBot.Telegram.Types;

public sealed record Voice
{
    public required string FileId { get; init; }

    public required string FileUniqueId { get; init; }

    /// <summary>Length in seconds.</summary>
    public required int Duration { get; init; }

    public string? MimeType { get; init; }

    public long? FileSize { get; init; }
}
