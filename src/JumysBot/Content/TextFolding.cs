using System.Text;

namespace JumysBot.Content;

/// <summary>
/// Folds what people type so that spelling habits do not matter: lower case, «ё» as «е», Kazakh letters as their
/// nearest Russian ones (many phones lack a Kazakh keyboard), punctuation as spaces.
/// </summary>
public static class TextFolding
{
    public static string Fold(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var builder = new StringBuilder(text.Length);
        foreach (var c in text.ToLowerInvariant())
        {
            builder.Append(c switch
            {
                'ё' => 'е',
                'ә' => 'а',
                'ғ' => 'г',
                'қ' => 'к',
                'ң' => 'н',
                'ө' => 'о',
                'ұ' or 'ү' => 'у',
                'һ' => 'х',
                'і' => 'и',
                _ when char.IsLetterOrDigit(c) => c,
                _ => ' ',
            });
        }

        return builder.ToString();
    }

    public static IEnumerable<string> Words(string? text) =>
        Fold(text).Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>A crude stem: the word without its last two letters, never shorter than four.</summary>
    public static string Stem(string word) =>
        word.Length <= 4 ? word : word[..Math.Max(4, word.Length - 2)];

    /// <summary>True when the two words share a stem: «курсы» and «курс», «гранты» and «грант».</summary>
    public static bool SameStem(string typed, string known) =>
        typed.Length >= 3 && known.Length >= 3
        && (known.StartsWith(Stem(typed), StringComparison.Ordinal) || typed.StartsWith(Stem(known), StringComparison.Ordinal));
}
