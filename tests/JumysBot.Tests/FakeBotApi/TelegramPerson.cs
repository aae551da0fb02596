using System.Text.Json.Nodes;

namespace JumysBot.Tests.FakeBotApi;

/// <summary>A virtual person in a private chat with the bot: sends what a person would, reads what the bot sent.</summary>
public sealed class TelegramPerson(FakeBotApiServer api, long id, string? languageCode, string firstName = "Айгүл")
{
    private int _nextMessageId = 1;
    private int _seen;

    /// <summary>How far into the message read last <see cref="ReadsUntilAsync"/> has read.</summary>
    private int _readUpTo;

    public long Id { get; } = id;

    /// <summary>How long to wait for each reply; crash tests, with restarts on a busy machine, give more.</summary>
    public TimeSpan Patience { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Everything the bot sent to this person so far.</summary>
    public IReadOnlyList<ApiCall> Received => [.. api.CallsTo(Id).Where(c => c.Method == "sendMessage" && c.Status == 200)];

    public ApiCall LastMessage => Received[^1];

    public long Sends(string text) => Send(new JsonObject { ["text"] = text });

    public long Send(JsonObject content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var message = new JsonObject
        {
            ["message_id"] = _nextMessageId++,
            ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["chat"] = new JsonObject { ["id"] = Id, ["type"] = "private", ["first_name"] = firstName },
            ["from"] = From(),
        };
        foreach (var (key, value) in content)
        {
            message[key] = value?.DeepClone();
        }

        return api.Enqueue(new JsonObject { ["message"] = message });
    }

    /// <summary>Shares a contact; by default the person's own, as the «share my number» button does.</summary>
    public long SharesContact(string phone, long? ownerId = null) =>
        Send(new JsonObject { ["contact"] = new JsonObject { ["phone_number"] = phone, ["first_name"] = firstName, ["user_id"] = ownerId ?? Id } });

    public long SharesLocation(double latitude, double longitude) =>
        Send(new JsonObject { ["location"] = new JsonObject { ["latitude"] = latitude, ["longitude"] = longitude } });

    public long SendsVoice(string fileId) =>
        Send(new JsonObject { ["voice"] = new JsonObject { ["file_id"] = fileId, ["file_unique_id"] = "u" + fileId, ["duration"] = 7 } });

    /// <summary>Taps the button with this label on the latest message that has it.</summary>
    public long Presses(string label)
    {
        var message = Received.LastOrDefault(m => m.Buttons.Any(b => b.Label == label))
            ?? throw new InvalidOperationException($"No message to {Id} has a button «{label}». Last: {(Received.Count > 0 ? LastMessage : null)}");
        return PressesData(message.Buttons.First(b => b.Label == label).Data);
    }

    /// <summary>Sends a callback query with this data, as a forged or stale button would.</summary>
    public long PressesData(string data) => api.Enqueue(new JsonObject
    {
        ["callback_query"] = new JsonObject
        {
            ["id"] = $"cb-{Id}-{Guid.NewGuid():N}",
            ["from"] = From(),
            ["message"] = new JsonObject
            {
                ["message_id"] = 1,
                ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
                ["chat"] = new JsonObject { ["id"] = Id, ["type"] = "private" },
            },
            ["chat_instance"] = "ci",
            ["data"] = data,
        },
    });

    /// <summary>Waits for the next message from the bot after those already read, and returns it.</summary>
    public async Task<ApiCall> ReadsAsync()
    {
        var index = _seen;
        await api.WaitUntilAsync(() => Received.Count > index, $"sendMessage #{index + 1} to {Id}", Patience);
        _seen = index + 1;
        _readUpTo = 0;
        return Received[index];
    }

    /// <summary>
    /// Waits until the bot sent <paramref name="text"/>, reading on as a person does: first the rest of the message
    /// read last (one message often holds an acknowledgement and the next question), then the messages after it.
    /// </summary>
    public async Task<ApiCall> ReadsUntilAsync(string text)
    {
        if (_seen > 0 && Received[_seen - 1] is { Text: { } current } last
            && current.IndexOf(text, _readUpTo, StringComparison.Ordinal) is var inLast and >= 0)
        {
            _readUpTo = inLast + text.Length;
            return last;
        }

        while (true)
        {
            var message = await ReadsAsync();
            if (message.Text?.IndexOf(text, StringComparison.Ordinal) is { } at and >= 0)
            {
                _readUpTo = at + text.Length;
                return message;
            }
        }
    }

    private JsonObject From()
    {
        var from = new JsonObject { ["id"] = Id, ["is_bot"] = false, ["first_name"] = firstName };
        if (languageCode is not null)
        {
            from["language_code"] = languageCode;
        }

        return from;
    }
}
