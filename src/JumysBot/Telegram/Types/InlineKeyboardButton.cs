namespace JumysBot.Telegram.Types;

/// <summary>An inline button; exactly one of <see cref="CallbackData"/> and <see cref="Url"/> is set.</summary>
public sealed record InlineKeyboardButton
{
    public required string Text { get; init; }

    /// <summary>1–64 bytes of UTF-8 (a Cyrillic letter takes two): keep short ids here, never labels.</summary>
    public string? CallbackData { get; init; }

    public string? Url { get; init; }

    public static InlineKeyboardButton WithCallbackData(string text, string callbackData) =>
        new() { Text = text, CallbackData = callbackData };

    public static InlineKeyboardButton WithUrl(string text, string url) =>
        new() { Text = text, Url = url };
}
