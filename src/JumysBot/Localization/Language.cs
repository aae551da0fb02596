namespace JumysBot.Localization;

/// <summary>The languages the bot speaks. Kazakh is written in Cyrillic.</summary>
public enum Language
{
    Russian,
    Kazakh,
}

public static class LanguageCodes
{
    public static string ToCode(this Language language) => language switch
    {
        Language.Kazakh => "kk",
        _ => "ru",
    };

    public static Language? FromCode(string? code) => code?.ToUpperInvariant() switch
    {
        "KK" or "KZ" => Language.Kazakh,
        "RU" => Language.Russian,
        _ => null,
    };

    /// <summary>Telegram's <c>language_code</c> is an IETF tag such as <c>kk</c>, <c>ru</c> or <c>ru-RU</c>.</summary>
    public static Language? FromTelegram(string? languageCode)
    {
        if (string.IsNullOrEmpty(languageCode))
        {
            return null;
        }

        var dash = languageCode.IndexOf('-', StringComparison.Ordinal);
        return FromCode(dash < 0 ? languageCode : languageCode[..dash]);
    }
}
