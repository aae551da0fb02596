using JumysBot.Catalog;
using JumysBot.Leads;

namespace JumysBot.Hosting;

/// <summary><c>dotnet run --project src/JumysBot -- flows</c>: prints each request flow as a Mermaid diagram.</summary>
public static class FlowsCommand
{
    public const string Name = "flows";

    public static string Render(BotContent content, LeadOptions options) =>
        string.Join("\n", Enum.GetValues<LeadKind>().Select(kind =>
            $"### {kind}\n\n```mermaid\n{LeadFlow.Describe(kind, content, options)}```\n"));
}
