namespace JumysBot.Conversations;

/// <summary>The menu buttons that are not a part of the bot of their own (<c>m:…</c>): each opens what its entry says.</summary>
public sealed class MainMenu : IChoiceHandler
{
    public const string Prefix = "m:";

    public IReadOnlyList<string> Prefixes { get; } = [Prefix];

    public bool OnChoice(ConversationContext context, string choiceId, bool fromCurrentScreen)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Menu.FirstOrDefault(e => e.Id == choiceId)?.Open is not { } open)
        {
            return false;
        }

        open(context);
        return true;
    }
}
