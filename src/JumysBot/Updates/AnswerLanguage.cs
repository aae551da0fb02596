using JumysBot.Localization;
using JumysBot.Storage;

namespace JumysBot.Updates;

/// <summary>
/// The language to answer someone in: the one they chose, else their Telegram app's, else Russian. The whole person is
/// read, as their conversation reads it next: on PostgreSQL both are answered by the one read planned ahead.
/// </summary>
internal static class AnswerLanguage
{
    public static async Task<Language> OfAsync(StorageTransaction tx, Incoming input, CancellationToken cancellationToken) =>
        (await tx.People.FindAsync(input.UserId, cancellationToken))?.Language ?? LanguageCodes.FromTelegram(input.LanguageCode) ?? Language.Russian;
}
