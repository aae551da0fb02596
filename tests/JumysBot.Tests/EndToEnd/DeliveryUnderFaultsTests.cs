using JumysBot.Tests.FakeBotApi;

namespace JumysBot.Tests.EndToEnd;

/// <summary>Telegram throttling, failing, answering too slowly and dropping connections: every reply still arrives, once, in order, on time.</summary>
public sealed class DeliveryUnderFaultsTests
{
    [Fact]
    public async Task Under_429s_5xx_slow_answers_and_dropped_connections_everyone_gets_every_reply_in_order_and_retry_after_is_kept()
    {
        await using var api = await FakeBotApiServer.StartAsync();
        api.SlowAnswer = TimeSpan.FromSeconds(6);
        await using var bot = await BotUnderTest.StartAsync(api, settings: new Dictionary<string, string?> { ["Telegram:RequestTimeoutSeconds"] = "5" });
        api.InjectFaults(share: 0.15, seed: 7);
        var people = Enumerable.Range(0, 5).Select(i => new TelegramPerson(api, 40001 + i, "ru")).ToList();

        foreach (var person in people)
        {
            person.Sends("/start");
        }

        await WaitAsync(api, () => people.All(p => p.Received.Count >= 1), "greetings with the question");
        foreach (var person in people)
        {
            person.Presses("Другое");
        }

        await WaitAsync(api, () => people.All(p => p.Received.Count >= 2), "thanks with the menu");
        foreach (var person in people)
        {
            person.Sends("/help");
        }

        await WaitAsync(api, () => people.All(p => p.Received.Count >= 3), "help with the menu");
        foreach (var person in people)
        {
            var texts = person.Received.Select(m => m.Text!).ToList();
            // One message a step: each holds its parts in order.
            Assert.StartsWith("Здравствуйте!", texts[0], StringComparison.Ordinal);
            Assert.Contains("\n\nРасскажите, кто вы", texts[0], StringComparison.Ordinal);
            Assert.StartsWith("Спасибо.\n\nГлавное меню", texts[1], StringComparison.Ordinal);
            Assert.StartsWith("Я понимаю кнопки", texts[2], StringComparison.Ordinal);
            Assert.Contains("\n\nГлавное меню", texts[2], StringComparison.Ordinal);
            Assert.Equal(3, texts.Count);
        }

        Assert.Empty(api.Violations);
        Assert.Contains(api.Calls, c => c.Status == 429);
        Assert.All(["5xx", "dropped", "slow"], kind => Assert.True(api.FaultsInjected(kind) > 0, $"no {kind} fault was injected"));
    }

    [Fact]
    public async Task A_private_chat_gets_at_most_a_short_burst_and_then_about_one_message_a_second()
    {
        await using var api = await FakeBotApiServer.StartAsync();
        await using var bot = await BotUnderTest.StartAsync(api, settings: new Dictionary<string, string?>
        {
            ["Telegram:PrivateChatMessagesPerSecond"] = "1",
            ["Telegram:PrivateChatBurst"] = "4",
        });
        var person = new TelegramPerson(api, 41001, "ru");

        // One message a step: eight updates for eight messages.
        person.Sends("/start");
        for (var i = 0; i < 7; i++)
        {
            person.Sends("/help");
        }

        await WaitAsync(api, () => person.Received.Count >= 8, "eight messages");

        var times = person.Received.Select(m => m.At).Order().ToList();
        for (var i = 0; i < times.Count; i++)
        {
            var inOneSecond = times.Count(t => t >= times[i] && t < times[i].AddSeconds(1));
            Assert.True(inOneSecond <= 5, $"{inOneSecond} messages to one chat within a second");
        }
    }

    private static Task<ApiCall> WaitAsync(FakeBotApiServer api, Func<bool> done, string what) =>
        api.WaitForCallAsync(_ => done(), what, TimeSpan.FromSeconds(120));
}
