namespace JumysBot.Conversations;

/// <summary>A slash command and its argument (the deep-link payload of <c>/start</c>, for example).</summary>
/// <param name="Name">Lower case, without the slash and the <c>@bot</c> suffix; null when the text is no command.</param>
public readonly record struct ParsedCommand(string? Name, string Argument)
{
    /// <summary>Reads <c>/name@bot argument</c>; anything not starting with a slash is no command.</summary>
    public static ParsedCommand Parse(string? text)
    {
        if (string.IsNullOrEmpty(text) || text[0] != '/')
        {
            return new(null, "");
        }

        var space = text.IndexOfAny([' ', '\n']);
        var head = space < 0 ? text[1..] : text[1..space];
        var argument = space < 0 ? "" : text[(space + 1)..].Trim();
        var at = head.IndexOf('@', StringComparison.Ordinal);
        return new((at < 0 ? head : head[..at]).ToLowerInvariant(), argument);
    }

    public bool Is(string name) => string.Equals(Name, name, StringComparison.Ordinal);
}
