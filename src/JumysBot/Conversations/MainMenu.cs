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
                ShowMyData(context);
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

    public static void ShowMyData(ConversationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var person = context.Person;
        var notSaid = context.Text("mydata.none");
        context.Say(
            "mydata.summary",
            ("language", context.Text("language.name." + Localization.LanguageCodes.ToCode(context.Language))),
            ("role", person.Role is { } role ? context.Text(StartFlow.RoleTextKey(role)) : notSaid),
            ("group", person.DisabilityGroup is { } group ? context.Text(Catalog.SuitsMeWizard.GroupTextKey(group)) : notSaid),
            ("age", person.AgeBand is { } age ? context.Text(Catalog.SuitsMeWizard.AgeTextKey(age)) : notSaid),
            ("goal", person.Goal is { } goal ? context.Text(Catalog.SuitsMeWizard.GoalTextKey(goal)) : notSaid));
        MenuScreen.Show(context);
    }
}
