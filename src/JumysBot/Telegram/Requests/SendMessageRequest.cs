using JumysBot.Telegram.Types;

namespace JumysBot.Telegram.Requests;

public sealed record SendMessageRequest() : RequestBase<Message>("sendMessage")
{
    public required long ChatId { get; init; }

    /// <summary>1–4096 characters after entities parsing.</summary>
    public required string Text { get; init; }

    /// <summary>See <see cref="Types.ParseMode"/>.</summary>
    public string? ParseMode { get; init; }

    public ReplyMarkup? ReplyMarkup { get; init; }

    public LinkPreviewOptions? LinkPreviewOptions { get; init; }
}
