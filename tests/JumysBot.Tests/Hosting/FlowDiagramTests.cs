using JumysBot.Hosting;
using JumysBot.Leads;

namespace JumysBot.Tests.Hosting;

/// <summary>
/// Each machine's diagram, as Stateless draws it, keeps the transitions the bot relies on: a test fails when one
/// disappears or loses its guard.
/// </summary>
public sealed class FlowDiagramTests
{
    public static TheoryData<string, string> Transitions { get; } = new()
    {
        { "Start and role", "Anywhere --> Language : AskLanguage" },
        { "Start and role", "Decision1 --> Language : Start [language not known]" },
        { "Start and role", "Decision1 --> LinkTarget : Start [a start link to a point or a measure]" },
        { "Start and role", "Decision2 --> Menu : LanguageChosen / say the language changed [who the person is known]" },
        { "Start and role", "Role --> Menu : RoleChosen / thank" },
        { "What suits me", "Anywhere --> Role : Reset / forget the answers" },
        { "What suits me", "Question --> Decision3 : Answered" },
        { "What suits me", "Decision3 --> Results : Answered [all said, something suits]" },
        { "What suits me", "Decision3 --> Nothing : Answered [all said, nothing suits]" },
        { "The measure explorer", "Anywhere --> FindingPoint : Act [find a point]" },
        { "The measure explorer", "Decision1 --> Card : OpenList / show the only measure's card [a category with one measure]" },
        { "The measure explorer", "Decision2 --> NothingFound : Search / say nothing was found, show the menu [nothing found]" },
        { "Finding a point", "Finding --> Nearest : LocationShared / show the nearest point, then the menu" },
        { "Finding a point", "Anywhere --> PointsOfPlace : PlaceChosen / show the points serving the place, then the menu [a known city or district]" },
        { "A request for a consultant", "Consent --> Name : Agree" },
        { "A request for a consultant", "Review --> Done : Confirm" },
        { "Follow-up and rating", "Anywhere --> Comment : Rate / record the rating, ask for a few words [a rating 1 to 5 of a done request, not rated yet]" },
        { "Follow-up and rating", "Anywhere --> Anywhere : TextOnly [the request is closed]" },
        { "Follow-up and rating", "Phone --> Resumed : CancelPhone / keep the number, go back [about this request]" },
        { "Follow-up and rating", "Unreached --> Unreached : Typed [a new number, typed or shared]" },
        { "Subscription", "Topics --> Place : Next [a topic chosen]" },
        { "Subscription", "Topics --> Topics : Next [no topic chosen]" },
        { "Subscription", "Place --> Subscribed : PlaceChosen / subscribe, show the menu [the whole region, or a known place]" },
        { "Subscription", "Anywhere --> Unsubscribed : Off" },
        { "/forget", "Confirming --> Erased : Yes [pressed on the question itself]" },
        { "/forget", "Anywhere --> Menu : No" },
        { "Announcements", "Russian --> Kazakh : Text [a text that fits]" },
        { "Announcements", "Topics --> Places : Next [a topic chosen]" },
        { "Announcements", "Preview --> Launched : Send" },
        { "Announcements", "Anywhere --> Cancelled : Cancel" },
        { "A consultants' chat asking to join", "Unbound --> Requested : Request / ask the administrators [from a group chat]" },
        { "A consultants' chat asking to join", "Requested --> Bound : Approve / bind the chat to the point, welcome it [a known point]" },
        { "A consultants' chat asking to join", "Bound --> Unbound : Revoke / unbind the chat" },
    };

    [Theory]
    [MemberData(nameof(Transitions))]
    public void The_diagram_keeps_this_transition(string machine, string transition)
    {
        var graph = Graph(machine);

        Assert.Contains("\t" + transition + "\n", graph, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_machine_has_a_diagram_with_transitions_to_check()
    {
        var titles = Diagrams().Select(d => d.Title).ToHashSet();
        var checkedTitles = Transitions.Select(t => (string)t[0]).ToHashSet();

        Assert.Equal(10, titles.Count);
        Assert.Subset(checkedTitles, titles);
        Assert.Subset(titles, checkedTitles);
    }

    [Fact]
    public void No_guard_or_action_is_drawn_without_a_description()
    {
        foreach (var (title, graph) in Diagrams())
        {
            Assert.DoesNotContain("[Function]", graph, StringComparison.Ordinal);
            Assert.DoesNotContain("b__", graph, StringComparison.Ordinal);
            Assert.False(graph.Contains("<lambda>", StringComparison.Ordinal), title);
        }
    }

    private static IReadOnlyList<(string Title, string Graph)> Diagrams() =>
        FlowsCommand.Diagrams(Tests.Conversations.TestConversation.Content.Current, new LeadOptions());

    private static string Graph(string title) => Diagrams().Single(d => d.Title == title).Graph + "\n";
}
