namespace JumysBot.Telegram.Types;

/// <summary>A custom keyboard that replaces the phone's keyboard; pressing a button sends its text.</summary>
public sealed record ReplyKeyboardMarkup : ReplyMarkup
{
    public required IReadOnlyList<IReadOnlyList<KeyboardButton>> Keyboard { get; init; }

    public bool? ResizeKeyboard { get; init; }

    public bool? OneTimeKeyboard { get; init; }

    public bool? IsPersistent { get; init; }

    /// <summary>1–64 characters shown in the empty input field.</summary>
    public string? InputFieldPlaceholder { get; init; }
}
