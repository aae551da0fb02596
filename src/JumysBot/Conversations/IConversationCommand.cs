namespace JumysBot.Conversations;

/// <summary>
/// A slash command of the person's conversation. The core has /start, /menu, /language, /cancel and /help; a feature
/// adds its own with <c>AddConversationCommand</c>. Telegram's command menu and /help are built from them.
/// </summary>
public interface IConversationCommand
{
    /// <summary>The name after the slash, lower case.</summary>
    string Name { get; }

    /// <summary>Other names that do the same.</summary>
    IReadOnlyList<string> Aliases => [];

    /// <summary>The place in the command menu and in /help.</summary>
    int Order { get; }

    /// <summary>Shown in Telegram's command menu (<c>commands.&lt;name&gt;</c>).</summary>
    bool InMenu => true;

    /// <summary>Listed in /help (<c>help.command.&lt;name&gt;</c>).</summary>
    bool InHelp => true;

    void Run(ConversationContext context, string argument);
}

/// <summary>A command made of its parts, for the features whose command only opens a screen.</summary>
public sealed record ConversationCommand(string Name, int Order, Action<ConversationContext> Open) : IConversationCommand
{
    public IReadOnlyList<string> Aliases { get; init; } = [];

    public bool InMenu { get; init; } = true;

    public bool InHelp { get; init; } = true;

    public void Run(ConversationContext context, string argument) => Open(context);
}

/// <summary>
/// A button of the main menu. A feature adds its own with <c>AddMenuEntry</c>; the menu shows them in <see cref="Order"/>.
/// </summary>
/// <param name="Open">What the button opens, for an id no feature's button handler owns (<c>m:…</c>); null when one does.</param>
public sealed record MenuEntry(string Id, string TextKey, int Order, Action<ConversationContext>? Open = null);
