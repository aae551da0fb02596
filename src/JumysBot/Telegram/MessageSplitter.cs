namespace JumysBot.Telegram;

/// <summary>Splits text longer than Telegram's 4096 characters, at paragraph breaks where it can, then lines, then words.</summary>
public static class MessageSplitter
{
    public const int MaxLength = 4096;

    public static IReadOnlyList<string> Split(string text, int maxLength = MaxLength)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 2);
        var parts = new List<string>();
        var rest = text.AsSpan().Trim();
        while (rest.Length > maxLength)
        {
            var window = rest[..maxLength];
            var cut = LastBreak(window, "\n\n");
            if (cut <= 0)
            {
                cut = LastBreak(window, "\n");
            }

            if (cut <= 0)
            {
                cut = LastBreak(window, " ");
            }

            if (cut <= 0)
            {
                cut = char.IsHighSurrogate(window[^1]) ? maxLength - 1 : maxLength;
            }

            parts.Add(rest[..cut].TrimEnd().ToString());
            rest = rest[cut..].TrimStart();
        }

        if (rest.Length > 0 || parts.Count == 0)
        {
            parts.Add(rest.ToString());
        }

        return parts;
    }

    private static int LastBreak(ReadOnlySpan<char> window, string separator) =>
        window.LastIndexOf(separator.AsSpan(), StringComparison.Ordinal);
}
