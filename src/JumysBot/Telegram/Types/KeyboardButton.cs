namespace JumysBot.Telegram.Types;

/// <summary>A reply keyboard button. Contact and location requests work in private chats only.</summary>
public sealed record KeyboardButton
{
    public required string Text { get; init; }

    public bool? RequestContact { get; init; }

    public bool? RequestLocation { get; init; }

    public static KeyboardButton WithRequestContact(string text) => new() { Text = text, RequestContact = true };

    public static KeyboardButton WithRequestLocation(string text) => new() { Text = text, RequestLocation = true };
}
