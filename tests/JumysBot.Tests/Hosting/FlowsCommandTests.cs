using JumysBot.Hosting;
using JumysBot.Leads;

namespace JumysBot.Tests.Hosting;

public sealed class FlowsCommandTests
{
    [Fact]
    public void The_flows_page_shows_the_flows_exactly_as_the_command_prints_them()
    {
        var printed = FlowsCommand.Render(Tests.Conversations.TestConversation.Content.Current, new LeadOptions());
        var readme = File.ReadAllText(Path.Combine(PublishTests.Repository, "docs", "flows.md"));
        var begin = readme.IndexOf("<!-- flows:begin -->\n", StringComparison.Ordinal) + "<!-- flows:begin -->\n".Length;
        var end = readme.IndexOf("<!-- flows:end -->", StringComparison.Ordinal);

        Assert.Equal(printed, readme[begin..end]);
    }

    [Fact]
    public void Every_machine_is_printed_as_a_mermaid_diagram_under_its_own_title()
    {
        var diagrams = FlowsCommand.Diagrams(Tests.Conversations.TestConversation.Content.Current, new LeadOptions());
        var printed = FlowsCommand.Render(Tests.Conversations.TestConversation.Content.Current, new LeadOptions());

        Assert.Equal(diagrams.Count, diagrams.Select(d => d.Title).Distinct().Count());
        foreach (var (title, graph) in diagrams)
        {
            Assert.StartsWith("stateDiagram-v2", graph, StringComparison.Ordinal);
            Assert.Contains("[*] --> ", graph, StringComparison.Ordinal);
            Assert.Contains($"### {title}\n\n```mermaid\n{graph.TrimEnd()}\n```\n", printed, StringComparison.Ordinal);
        }
    }
}
