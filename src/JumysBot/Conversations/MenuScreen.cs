using JumysBot.Updates;

namespace JumysBot.Conversations;

/// <summary>The main menu: the buttons the features registered (<see cref="MenuEntry"/>), in their order.</summary>
public static class MenuScreen
{
    public const string Home = "home";

    public static void Show(ConversationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Ask(Steps.Menu, context.Text("menu.title"), [.. context.Menu.Select(e => new Choice(e.Id, context.Text(e.TextKey)))]);
    }

    /// <summary>Asks the current question again, or shows the menu when there is none.</summary>
    public static void AskAgainOrShow(ConversationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!context.AskAgain())
        {
            Show(context);
        }
    }

    /// <summary>The «Главное меню» button every screen carries.</summary>
    public static Choice HomeButton(ConversationContext context) => new(Home, context?.Text("nav.home") ?? "");

    public static Choice BackButton(ConversationContext context, string id) => new(id, context?.Text("nav.back") ?? "");
}
