using JumysBot.Conversations;

namespace JumysBot.Tests.Conversations;

public sealed class ParsedCommandTests
{
    [Theory]
    [InlineData("/start", BotCommandKind.Start, "")]
    [InlineData("/start p-karaganda", BotCommandKind.Start, "p-karaganda")]
    [InlineData("/help@JumysBot", BotCommandKind.Help, "")]
    [InlineData("/LANGUAGE", BotCommandKind.Language, "")]
    [InlineData("/cancel", BotCommandKind.Cancel, "")]
    [InlineData("/mydata", BotCommandKind.MyData, "")]
    [InlineData("/whatever", BotCommandKind.Unknown, "")]
    [InlineData("start", BotCommandKind.None, "")]
    [InlineData("", BotCommandKind.None, "")]
    [InlineData(null, BotCommandKind.None, "")]
    public void Commands_are_read_with_their_argument(string? text, BotCommandKind kind, string argument) =>
        Assert.Equal(new ParsedCommand(kind, argument), ParsedCommand.Parse(text));
}
