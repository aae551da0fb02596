using JumysBot.Telegram.Types;

namespace JumysBot.Telegram.Requests;

/// <summary>Replaces the inline keyboard of a message; a null <see cref="ReplyMarkup"/> removes it.</summary>
public sealed record EditMessageReplyMarkupRequest() : RequestBase<Message>("editMessageReplyMarkup")
{
    public required long ChatId { get; init; }

    public required int MessageId { get; init; }

    public InlineKeyboardMarkup? ReplyMarkup { get; init; }
}
