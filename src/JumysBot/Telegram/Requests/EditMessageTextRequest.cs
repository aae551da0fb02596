using JumysBot.Telegram.Types;

namespace JumysBot.Telegram.Requests;

public sealed record EditMessageTextRequest() : RequestBase<Message>("editMessageText")
{
    public required long ChatId { get; init; }

    public required int MessageId { get; init; }

    public required string Text { get; init; }

    public string? ParseMode { get; init; }

    public InlineKeyboardMarkup? ReplyMarkup { get; init; }

    public LinkPreviewOptions? LinkPreviewOptions { get; init; }
}
