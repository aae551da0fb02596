using JumysBot.Conversations;

namespace JumysBot.Tests.Conversations;

public sealed class ParsedCommandTests
{
    [Theory]
    [InlineData("/start", "start", "")]
    [InlineData("/start p-karaganda", "start", "p-karaganda")]
    [InlineData("/help@JumysBot", "help", "")]
    [InlineData("/LANGUAGE", "language", "")]
    [InlineData("/cancel", "cancel", "")]
    [InlineData("/mydata", "mydata", "")]
    [InlineData("/whatever", "whatever", "")]
    [InlineData("start", null, "")]
    [InlineData("", null, "")]
    [InlineData(null, null, "")]
    public void Commands_are_read_with_their_argument(string? text, string? name, string argument) =>
        Assert.Equal(new ParsedCommand(name, argument), ParsedCommand.Parse(text));
}
