namespace JumysBot.Conversations;

/// <summary>The commands a person can send, by slash or by a plain word such as «меню» or «көмек».</summary>
public enum BotCommandKind
{
    None,
    Start,
    Help,
    Language,
    Cancel,
    Menu,
    MyData,
    Forget,
    Subscribe,
    Unsubscribe,
    Unknown,
}

/// <summary>A parsed command and its argument (the deep-link payload of <c>/start</c>, for example).</summary>
public readonly record struct ParsedCommand(BotCommandKind Kind, string Argument)
{
    /// <summary>Reads <c>/name@bot argument</c>; anything not starting with a slash is no command.</summary>
    public static ParsedCommand Parse(string? text)
    {
        if (string.IsNullOrEmpty(text) || text[0] != '/')
        {
            return new(BotCommandKind.None, "");
        }

        var space = text.IndexOfAny([' ', '\n']);
        var head = space < 0 ? text[1..] : text[1..space];
        var argument = space < 0 ? "" : text[(space + 1)..].Trim();
        var at = head.IndexOf('@', StringComparison.Ordinal);
        var name = (at < 0 ? head : head[..at]).ToUpperInvariant();
        var kind = name switch
        {
            "START" => BotCommandKind.Start,
            "HELP" => BotCommandKind.Help,
            "LANGUAGE" or "LANG" or "TIL" => BotCommandKind.Language,
            "CANCEL" => BotCommandKind.Cancel,
            "MENU" => BotCommandKind.Menu,
            "MYDATA" => BotCommandKind.MyData,
            "FORGET" => BotCommandKind.Forget,
            "SUBSCRIBE" or "NEWS" => BotCommandKind.Subscribe,
            "UNSUBSCRIBE" or "STOP" => BotCommandKind.Unsubscribe,
            _ => BotCommandKind.Unknown,
        };
        return new(kind, argument);
    }
}
