using JumysBot.Tests.FakeBotApi;

namespace JumysBot.Tests.EndToEnd;

/// <summary>One chat writing fast, under the flood limit, never holds up anybody else's replies.</summary>
public sealed class FloodFairnessTests
{
    private const int Messages = 560;

    [Fact]
    public async Task After_a_chat_floods_under_the_limit_for_three_minutes_another_persons_start_is_answered_before_its_backlog_is_sent()
    {
        await using var api = await FakeBotApiServer.StartAsync();
        // The scenario: three minutes of two messages a second under the limit of 20 in 10 s, each answered with
        // two replies while Telegram lets the bot send one a second to that chat, left over 500 replies waiting. Each
        // step now answers with one message, so 560 messages at once, under a limit scaled to let them through, leave
        // that backlog. Time is compressed; the backlog is the real one.
        await using var bot = await BotUnderTest.StartAsync(api, settings: new Dictionary<string, string?>
        {
            ["Bot:FloodLimit"] = (Messages + 40).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Bot:FloodWindowSeconds"] = "60",
            ["Telegram:PrivateChatMessagesPerSecond"] = "1",
            ["Telegram:PrivateChatBurst"] = "4",
        });
        var flooder = new TelegramPerson(api, 52001, "ru");
        flooder.Sends("/start");
        await flooder.ReadsUntilAsync("Расскажите, кто вы");
        for (var i = 0; i < Messages; i++)
        {
            flooder.Sends("/help");
        }

        await Eventually.TrueAsync(
            () => Database.Scalar(bot.DatabasePath, "SELECT COUNT(*) FROM inbox WHERE chat_id = 52001 AND handled_at IS NOT NULL") is (long)(Messages + 1),
            "every flooding message handled", TimeSpan.FromSeconds(60));
        var backlog = (long)Database.Scalar(bot.DatabasePath, "SELECT COUNT(*) FROM outbox WHERE chat_id = 52001 AND sent_at IS NULL")!;
        Assert.True(backlog > 500, $"the flood left {backlog} replies waiting");

        var newcomer = new TelegramPerson(api, 52002, "ru");
        newcomer.Sends("/start");
        await newcomer.ReadsUntilAsync("Здравствуйте!");

        var flooderGot = api.CallsTo(52001).Count(c => c.Method == "sendMessage" && c.Status == 200);
        Assert.True(flooderGot < Messages, $"the newcomer was answered only after the flooder's {flooderGot} replies");
    }
}
