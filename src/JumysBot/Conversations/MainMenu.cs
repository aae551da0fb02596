namespace JumysBot.Conversations;

/// <summary>The menu buttons that are not a part of the bot of their own (<c>m:…</c>): each opens what its entry says.</summary>
public sealed class MainMenu : IChoiceHandler
{
    public const string Prefix = "m:";

    /// <summary>The entry that finds a consultation point: the points' feature registers it; the catalog opens it too.</summary>
    public const string Points = Prefix + "points";

    public IReadOnlyList<string> Prefixes { get; } = [Prefix];

    public bool OnChoice(ConversationContext context, string choiceId, bool fromCurrentScreen) => Open(context, choiceId);

    /// <summary>Opens what a menu entry opens, from its button or from another screen; false when no feature registered it.</summary>
    public static bool Open(ConversationContext context, string entryId)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Menu.FirstOrDefault(e => e.Id == entryId)?.Open is not { } open)
        {
            return false;
        }

        open(context);
        return true;
    }
}
