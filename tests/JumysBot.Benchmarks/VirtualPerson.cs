using System.Diagnostics;
using System.Text.Json.Nodes;

namespace JumysBot.Benchmarks;

/// <summary>A person going through a whole flow: start, a measure, a request with contact and location.</summary>
internal sealed class VirtualPerson(LoadBotApi api, long id)
{
    /// <summary>How many updates <see cref="RunWholeFlowAsync"/> sends.</summary>
    public const int WholeFlowUpdates = 14;

    private static readonly TimeSpan _patience = TimeSpan.FromSeconds(120);

    public long Id { get; } = id;

    /// <summary>Times from sending each update to the first reply, in milliseconds.</summary>
    public List<double> Latencies { get; } = [];

    public int Updates { get; private set; }

    public async Task RunWholeFlowAsync()
    {
        await StepAsync(Text("/start"));
        await StepAsync(Press("r:other"));
        await StepAsync(Press("x:c:work"));
        await StepAsync(Press("x:m:vacancies"));
        await StepAsync(Press("lead:start:vacancies"));
        await StepAsync(Press("lead:agree"));
        await StepAsync(Text("Асель Бенчмарк"));
        await StepAsync(Message(new JsonObject { ["contact"] = new JsonObject { ["phone_number"] = "+7701" + (Id % 10_000_000).ToString("0000000", System.Globalization.CultureInfo.InvariantCulture), ["first_name"] = "A", ["user_id"] = Id } }));
        await StepAsync(Press("lead:c:call"));
        await StepAsync(Press("lead:c:morning"));
        await StepAsync(Message(new JsonObject { ["location"] = new JsonObject { ["latitude"] = 49.80, ["longitude"] = 73.11 } }));
        await StepAsync(Press("lead:c:notsaid"));
        await StepAsync(Press("lead:skip"));
        await StepAsync(Press("lead:confirm"));
    }

    public async Task StartOnlyAsync() => await StepAsync(Text("/start"));

    private async Task StepAsync(JsonObject update)
    {
        var log = api.Chat(Id);
        var seen = log.Count;
        var sent = Stopwatch.GetTimestamp();
        api.Enqueue(update);
        var firstReply = await log.WaitForQuestionAsync(seen, _patience);
        Latencies.Add(Stopwatch.GetElapsedTime(sent, firstReply).TotalMilliseconds);
        Updates++;
    }

    private JsonObject From() => new() { ["id"] = Id, ["is_bot"] = false, ["first_name"] = "Асель", ["language_code"] = "ru" };

    private JsonObject Message(JsonObject content)
    {
        var message = new JsonObject { ["message_id"] = 1, ["date"] = 0, ["chat"] = new JsonObject { ["id"] = Id, ["type"] = "private" }, ["from"] = From() };
        foreach (var (key, value) in content)
        {
            message[key] = value?.DeepClone();
        }

        return new JsonObject { ["message"] = message };
    }

    private JsonObject Text(string text) => Message(new JsonObject { ["text"] = text });

    private JsonObject Press(string data) => new()
    {
        ["callback_query"] = new JsonObject
        {
            ["id"] = Guid.NewGuid().ToString("N"),
            ["from"] = From(),
            ["message"] = new JsonObject { ["message_id"] = 1, ["date"] = 0, ["chat"] = new JsonObject { ["id"] = Id, ["type"] = "private" } },
            ["chat_instance"] = "b",
            ["data"] = data,
        },
    };
}
