namespace JumysBot.Telegram.Types;

/// <summary>Buttons under a message, in rows.</summary>
public sealed record InlineKeyboardMarkup : ReplyMarkup
{
    public required IReadOnlyList<IReadOnlyList<InlineKeyboardButton>> InlineKeyboard { get; init; }
}
