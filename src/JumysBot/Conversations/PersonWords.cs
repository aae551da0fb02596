namespace JumysBot.Conversations;

/// <summary>What a person typed, made safe to show to someone else: cut on whole characters, kept to one line.</summary>
public static class PersonWords
{
    /// <summary>At most <paramref name="max"/> characters, with «…» when cut; a surrogate pair (an emoji) is never split.</summary>
    public static string Cut(string text, int max)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length <= max)
        {
            return text.Trim();
        }

        var end = char.IsHighSurrogate(text[max - 1]) ? max - 1 : max;
        return text[..end].Trim() + "…";
    }

    /// <summary>
    /// The words on one line: line breaks and other control characters become spaces, and the marks that reorder
    /// text on screen are dropped, so a person's words cannot pose as a line of the card they are shown on.
    /// </summary>
    public static string OnOneLine(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var kept = text.Select(c => char.IsControl(c) || c is '\u2028' or '\u2029' ? ' ' : c)
            .Where(c => c is not ('\u200E' or '\u200F' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069')));
        return string.Join(' ', new string([.. kept]).Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }
}
