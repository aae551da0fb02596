namespace JumysBot.Telegram.Types;

/// <summary>Removes the custom keyboard and shows the phone's keyboard again.</summary>
public sealed record ReplyKeyboardRemove : ReplyMarkup
{
    public bool RemoveKeyboard => true;
}
