using JumysBot.Hosting;
using JumysBot.Leads;

namespace JumysBot.Tests.Hosting;

public sealed class FlowsCommandTests
{
    [Fact]
    public void The_readme_shows_the_flows_exactly_as_the_command_prints_them()
    {
        var printed = FlowsCommand.Render(Tests.Conversations.TestConversation.Content.Current, new LeadOptions());
        var readme = File.ReadAllText(Path.Combine(PublishTests.Repository, "README.md"));
        var begin = readme.IndexOf("<!-- flows:begin -->\n", StringComparison.Ordinal) + "<!-- flows:begin -->\n".Length;
        var end = readme.IndexOf("<!-- flows:end -->", StringComparison.Ordinal);

        Assert.Equal(printed, readme[begin..end]);
    }

    [Fact]
    public void Every_kind_of_request_asks_for_consent_before_any_personal_data()
    {
        foreach (var kind in Enum.GetValues<LeadKind>())
        {
            var graph = LeadFlow.Describe(kind, Tests.Conversations.TestConversation.Content.Current, new LeadOptions());

            Assert.Contains("Consent --> Name : Agree", graph);
            Assert.Contains("Consent --> Declined : Decline", graph);
            Assert.Contains("Review --> Done : Confirm", graph);
            Assert.DoesNotContain("Topic --> Phone", graph);
        }
    }
}
