using JumysBot.Conversations;
using JumysBot.Localization;
using JumysBot.Tests.Conversations;
using JumysBot.Updates;

namespace JumysBot.Tests.Localization;

public class HelpTextTests
{
    [Theory]
    [InlineData(Language.Russian)]
    [InlineData(Language.Kazakh)]
    public async Task Help_lists_every_command_a_person_has_and_ends_with_the_just_write_line(Language language)
    {
        var person = new Person(1) { Language = language, Role = PersonRole.Other };
        var turn = await TestConversation.Create().HandleAsync(
            new Incoming { ChatId = 1, UserId = 1, Text = "/help", IsPrivateChat = true }, person, new ConversationState(Steps.Menu), language, CancellationToken.None);
        var lines = turn.Messages[0].Text.Split("\n\n")[0].Split('\n');

        // Built from the commands the features registered: a feature's command cannot be left out of /help.
        foreach (var command in new[] { "/start", "/menu", "/language", "/cancel", "/mydata", "/unsubscribe", "/forget", "/help" })
        {
            Assert.Single(lines, l => l.StartsWith(command + " — ", StringComparison.Ordinal));
        }

        Assert.DoesNotContain(lines, l => l.StartsWith("/subscribe", StringComparison.Ordinal));
        Assert.DoesNotContain("/", lines[^1], StringComparison.Ordinal);
        Assert.StartsWith("/", lines[^2], StringComparison.Ordinal);
    }
}
