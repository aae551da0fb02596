namespace JumysBot.Conversations;

/// <summary>The commands every conversation has, whatever features are plugged in.</summary>
public static class CoreCommands
{
    public const string Start = "start";
    public const string Menu = "menu";
    public const string Language = "language";
    public const string Cancel = "cancel";
    public const string Help = "help";

    public static IEnumerable<IConversationCommand> All =>
    [
        new StartCommand(),
        new ConversationCommand(Menu, 20, MenuScreen.Show),
        new ConversationCommand(Language, 30, context => StartFlow.AskLanguage(context)) { Aliases = ["lang", "til"] },
        new ConversationCommand(Cancel, 40, context =>
        {
            context.Say("cancel.done");
            MenuScreen.Show(context);
        }),
        new ConversationCommand(Help, 90, ShowHelp),
    ];

    /// <summary>The menu entry that changes the language.</summary>
    public static MenuEntry LanguageEntry { get; } = new(MainMenu.Prefix + "language", "menu.language", 90, context => StartFlow.AskLanguage(context));

    /// <summary>
    /// /help: what the bot understands, every command listed in /help with its line (<c>help.command.&lt;name&gt;</c>), and
    /// the reminder that one may simply write. A person who has not started yet is started after it.
    /// </summary>
    private static void ShowHelp(ConversationContext context)
    {
        var lines = new List<string> { context.Text("help.intro") };
        lines.AddRange(context.Commands.Where(c => c.InHelp).Select(c => $"/{c.Name} — {context.Text("help.command." + c.Name)}"));
        lines.Add(context.Text("help.outro"));
        context.SayText(string.Join('\n', lines));
        if (context.State.Step == Steps.New)
        {
            StartFlow.Start(context);
        }
        else
        {
            MenuScreen.AskAgainOrShow(context);
        }
    }

    private sealed class StartCommand : IConversationCommand
    {
        public string Name => Start;

        public int Order => 10;

        public void Run(ConversationContext context, string argument) => StartFlow.Start(context, argument);
    }
}
