using System.Globalization;
using System.Text.Json;
using JumysBot.Conversations;
using JumysBot.Leads;
using JumysBot.Catalog;
using JumysBot.Storage;
using JumysBot.Telegram;
using JumysBot.Updates;
using Telegram.Bot;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Microsoft.Extensions.Logging;

namespace JumysBot.LocalChat;

/// <summary>
/// The bot in a terminal, for trying it without a token. Every line becomes an update and goes through the same
/// inbox, conversation and outbox as in Telegram: a number presses that button, <c>/contact +7…</c> shares a
/// contact, <c>/location LAT LON</c> a place, anything else is a text message. End of input exits with code 0.
/// </summary>
public sealed class TerminalChat(BotDatabase database, UpdateProcessor processor, OutboxSender sender, TerminalChannel channel, TimeProvider time)
{
    /// <summary>The local person's id; real Telegram ids are large numbers, so this one does not meet them.</summary>
    public const long LocalUserId = 1;

    private int _nextUpdateId;

    public async Task<int> RunAsync(TextReader input, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        await database.MigrateAsync(cancellationToken);
        channel.Output = output;
        await using (var read = await database.BeginReadAsync(cancellationToken))
        {
            // Telegram's update ids are positive 32-bit numbers; the terminal's count down below every id used before,
            // so they never collide with Telegram's in a database both have written to.
            _nextUpdateId = Math.Min(0, await read.Inbox.LowestIdAsync(cancellationToken));
        }

        await HandleAsync(Message(text: "/start"), cancellationToken);
        while (await input.ReadLineAsync(cancellationToken) is { } line)
        {
            var update = ToUpdate(line.Trim(), channel.LastChoices);
            if (update is null)
            {
                await output.WriteLineAsync("Usage: /contact +77011234567   or   /location 49.80 73.11".AsMemory(), cancellationToken);
                continue;
            }

            await HandleAsync(update, cancellationToken);
        }

        return 0;
    }

    private async Task HandleAsync(Update update, CancellationToken cancellationToken)
    {
        await using (var tx = await database.BeginAsync(cancellationToken))
        {
            await tx.Inbox.TryAddAsync(update.Id, LocalUserId, JsonSerializer.Serialize(update, JsonBotAPI.Options), cancellationToken);
            await tx.CommitAsync(cancellationToken);
        }

        await processor.ProcessAsync(update, cancellationToken);
        while (await sender.SendDueAsync(cancellationToken) > 0)
        {
        }
    }

    private Update? ToUpdate(string line, IReadOnlyList<Choice> choices)
    {
        if (int.TryParse(line, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= 1 && number <= choices.Count)
        {
            return new Update
            {
                Id = --_nextUpdateId,
                CallbackQuery = new CallbackQuery
                {
                    Id = _nextUpdateId.ToString(CultureInfo.InvariantCulture),
                    From = Person,
                    Message = Message(text: null).Message,
                    Data = choices[number - 1].Id,
                    ChatInstance = "local",
                },
            };
        }

        var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts is ["/contact", var phone])
        {
            return Message(contact: new Contact { PhoneNumber = phone, FirstName = "Local", UserId = LocalUserId });
        }

        if (parts is ["/location", var lat, var lon]
            && double.TryParse(lat, NumberStyles.Float, CultureInfo.InvariantCulture, out var latitude)
            && double.TryParse(lon, NumberStyles.Float, CultureInfo.InvariantCulture, out var longitude))
        {
            return Message(location: new Location { Latitude = latitude, Longitude = longitude });
        }

        return parts is ["/contact", ..] or ["/location", ..] ? null : Message(text: line);
    }

    private static User Person { get; } = new() { Id = LocalUserId, IsBot = false, FirstName = "Local" };

    private Update Message(string? text = null, Contact? contact = null, Location? location = null) => new()
    {
        Id = --_nextUpdateId,
        Message = new Message
        {
            Id = _nextUpdateId,
            Date = time.GetUtcNow().UtcDateTime,
            Chat = new Chat { Id = LocalUserId, Type = ChatType.Private, FirstName = "Local" },
            From = Person,
            Text = text,
            Contact = contact,
            Location = location,
        },
    };
}
