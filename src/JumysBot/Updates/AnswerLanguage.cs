using JumysBot.Localization;
using JumysBot.Storage;

namespace JumysBot.Updates;

/// <summary>The language to answer someone in: the one they chose, else their Telegram app's, else Russian.</summary>
internal static class AnswerLanguage
{
    public static async Task<Language> OfAsync(StorageTransaction tx, Incoming input, CancellationToken cancellationToken) =>
        await tx.People.FindLanguageAsync(input.UserId, cancellationToken) ?? LanguageCodes.FromTelegram(input.LanguageCode) ?? Language.Russian;
}
