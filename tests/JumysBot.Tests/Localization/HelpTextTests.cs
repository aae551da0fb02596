using JumysBot.Catalog;
using JumysBot.Content;
using JumysBot.Localization;

namespace JumysBot.Tests.Localization;

public class HelpTextTests
{
    private static readonly BotContent _content = BotContent.Load(ContentFolder.Path);

    [Theory]
    [InlineData(Language.Russian)]
    [InlineData(Language.Kazakh)]
    public void Help_lists_every_command_a_person_has_and_ends_with_the_just_write_line(Language language)
    {
        var lines = _content.Texts.Get(language, "help.text").Split('\n');

        foreach (var command in new[] { "/start", "/menu", "/language", "/cancel", "/mydata", "/unsubscribe", "/forget", "/help" })
        {
            Assert.Single(lines, l => l.StartsWith(command + " ", StringComparison.Ordinal));
        }

        Assert.DoesNotContain("/", lines[^1], StringComparison.Ordinal);
        Assert.StartsWith("/", lines[^2], StringComparison.Ordinal);
    }
}
