namespace JumysBot.Conversations;

/// <summary>The menu entries that are not a part of the bot of their own: points, my data, language.</summary>
public sealed class MainMenu : IChoiceHandler
{
    public IReadOnlyList<string> Prefixes { get; } = ["m:"];

    public bool OnChoice(ConversationContext context, string choiceId, bool fromCurrentScreen)
    {
        ArgumentNullException.ThrowIfNull(context);
        switch (choiceId)
        {
            case MenuScreen.MyData:
                Privacy.MyDataScreen.Show(context);
                return true;
            case MenuScreen.Language:
                StartFlow.AskLanguage(context);
                return true;
            case MenuScreen.Points:
                Leads.PointFinder.Ask(context);
                return true;
            default:
                return false;
        }
    }
}
