using System.Net;
using System.Text.RegularExpressions;
using JumysBot.Conversations;
using JumysBot.Updates;

namespace JumysBot.LocalChat;

/// <summary>Prints the bot's messages in the terminal, each button numbered so that typing the number presses it.</summary>
public sealed partial class TerminalChannel : IMessageChannel
{
    /// <summary>Where the bot's messages are printed: the console unless the chat is given another writer.</summary>
    public TextWriter Output { get; set; } = Console.Out;

    private long _nextMessageId;

    /// <summary>The buttons of the last message that had any, in the order they are numbered.</summary>
    public IReadOnlyList<Choice> LastChoices { get; private set; } = [];

    public async Task<long?> SendAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        await Output.WriteLineAsync();
        var text = message.Html ? WebUtility.HtmlDecode(Tag().Replace(message.Text, "")) : message.Text;
        await Output.WriteLineAsync(text.AsMemory(), cancellationToken);
        if (message.Venue is { } venue)
        {
            await Output.WriteLineAsync($"  [map] {venue.Title}: {venue.Latitude:0.####}, {venue.Longitude:0.####}".AsMemory(), cancellationToken);
        }
        if (message.Buttons is { Count: > 0 } rows)
        {
            LastChoices = [.. rows.SelectMany(row => row)];
            for (var i = 0; i < LastChoices.Count; i++)
            {
                var choice = LastChoices[i];
                var line = choice switch
                {
                    { Url: { } url } => $"  {i + 1}. {choice.Label}: {url}",
                    { Request: ChoiceRequest.Contact } => $"  {i + 1}. {choice.Label} (/contact +77011234567)",
                    { Request: ChoiceRequest.Location } => $"  {i + 1}. {choice.Label} (/location 49.80 73.11)",
                    _ => $"  {i + 1}. {choice.Label}",
                };
                await Output.WriteLineAsync(line.AsMemory(), cancellationToken);
            }
        }

        await Output.FlushAsync(cancellationToken);
        return Interlocked.Increment(ref _nextMessageId);
    }

    public Task AcknowledgeButtonAsync(string callbackQueryId, CancellationToken cancellationToken) => Task.CompletedTask;

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();
}
