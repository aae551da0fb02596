using JumysBot.Localization;

namespace JumysBot.Content;

/// <summary>One text in both languages, side by side as the content files keep it.</summary>
public sealed record LocalizedText(string Ru, string Kk)
{
    public string In(Language language) => language == Language.Kazakh ? Kk : Ru;
}
