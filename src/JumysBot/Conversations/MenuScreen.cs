using JumysBot.Updates;

namespace JumysBot.Conversations;

/// <summary>The main menu. Its buttons lead straight into the parts of the bot that own them.</summary>
public static class MenuScreen
{
    public const string Home = "home";
    public const string Points = "m:points";
    public const string MyData = "m:mydata";
    public const string Language = "m:language";

    private static readonly (string Id, string TextKey)[] _items =
    [
        ("x:cats", "menu.measures"),
        ("w:start", "menu.suits_me"),
        ("x:c:training", "menu.training"),
        ("x:c:own_business", "menu.grant"),
        ("x:c:work", "menu.job"),
        (Points, "menu.points"),
        (Outreach.SubscriptionScreen.Open, "menu.subscription"),
        (MyData, "menu.mydata"),
        (Language, "menu.language"),
    ];

    public static void Show(ConversationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Ask(Steps.Menu, context.Text("menu.title"), [.. _items.Select(i => new Choice(i.Id, context.Text(i.TextKey)))]);
    }

    /// <summary>The «Главное меню» button every screen carries.</summary>
    public static Choice HomeButton(ConversationContext context) => new(Home, context?.Text("nav.home") ?? "");

    public static Choice BackButton(ConversationContext context, string id) => new(id, context?.Text("nav.back") ?? "");
}
