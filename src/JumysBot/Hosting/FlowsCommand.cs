using JumysBot.Catalog;
using JumysBot.Content;
using JumysBot.Leads.Consultants;
using JumysBot.Leads.FollowUp;
using JumysBot.Leads.Points;
using JumysBot.Leads.Requests;
using JumysBot.Leads;

namespace JumysBot.Hosting;

/// <summary>
/// <c>dotnet run --project src/JumysBot -- flows</c>: prints every conversation's state machine as a Mermaid diagram,
/// drawn by Stateless from the machine itself, with the guards' descriptions. docs/flows.md shows the same text.
/// </summary>
public static class FlowsCommand
{
    public const string Name = "flows";

    /// <summary>Each conversation's title and diagram, in the order a person meets them.</summary>
    public static IReadOnlyList<(string Title, string Graph)> Diagrams(BotContent content, LeadOptions options) =>
    [
        ("Start and role", Conversations.StartFlow.Describe(content)),
        ("What suits me", SuitsMeWizard.Describe(content)),
        ("The measure explorer", CatalogExplorer.Describe(content)),
        ("Finding a point", PointFinder.Describe(content)),
        ("A request for a consultant", LeadFlow.Describe(content, options)),
        ("Follow-up and rating", LeadFeedback.Describe(content)),
        ("Subscription", Outreach.SubscriptionScreen.Describe(content)),
        ("/forget", Privacy.ForgetFlow.Describe(content)),
        ("Announcements", Outreach.AnnouncementDesk.Describe(content)),
        ("A consultants' chat asking to join", ConsultantDesk.DescribeJoinRequest()),
    ];

    public static string Render(BotContent content, LeadOptions options) =>
        string.Join("\n", Diagrams(content, options).Select(d => $"### {d.Title}\n\n```mermaid\n{d.Graph.TrimEnd()}\n```\n"));
}
