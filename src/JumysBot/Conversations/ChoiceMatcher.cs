using System.Globalization;
using System.Text;
using JumysBot.Updates;

namespace JumysBot.Conversations;

/// <summary>Finds the button a person meant when they typed instead of tapping: its number, its words, or part of them.</summary>
public static class ChoiceMatcher
{
    private const int MinimumPartLength = 3;

    public static Choice? Match(string? typed, IReadOnlyList<Choice> choices)
    {
        ArgumentNullException.ThrowIfNull(choices);
        var text = Normalize(typed);
        if (text.Length == 0 || choices.Count == 0)
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return number >= 1 && number <= choices.Count ? choices[number - 1] : null;
        }

        var exact = choices.FirstOrDefault(c => Normalize(c.Label) == text);
        if (exact is not null || text.Length < MinimumPartLength)
        {
            return exact;
        }

        var partial = choices.Where(c => Normalize(c.Label).Contains(text, StringComparison.Ordinal)).Take(2).ToList();
        return partial.Count == 1 ? partial[0] : null;
    }

    /// <summary>Lower case, «ё» as «е», no punctuation, single spaces: how people type on a phone.</summary>
    public static string Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }

        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text.Trim().ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c))
            {
                if (space && builder.Length > 0)
                {
                    builder.Append(' ');
                }

                builder.Append(c == 'ё' ? 'е' : c);
                space = false;
            }
            else
            {
                space = true;
            }
        }

        return builder.ToString();
    }
}
