using JumysBot.Catalog;
using JumysBot.Leads;

namespace JumysBot.Hosting;

/// <summary>
/// <c>dotnet run --project src/JumysBot -- flows</c>: prints every conversation's state machine as a Mermaid diagram,
/// drawn by Stateless from the machine itself, with the guards' descriptions. The README shows the same text.
/// </summary>
public static class FlowsCommand
{
    public const string Name = "flows";

    /// <summary>Each conversation's title and diagram, in the order a person meets them.</summary>
    public static IReadOnlyList<(string Title, string Graph)> Diagrams(BotContent content, LeadOptions options) =>
    [
        ("A request for a consultant", LeadFlow.Describe(content, options)),
    ];

    public static string Render(BotContent content, LeadOptions options) =>
        string.Join("\n", Diagrams(content, options).Select(d => $"### {d.Title}\n\n```mermaid\n{d.Graph.TrimEnd()}\n```\n"));
}
