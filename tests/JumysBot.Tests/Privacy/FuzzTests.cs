using System.Text.Json.Nodes;
using JumysBot.Tests.FakeBotApi;

namespace JumysBot.Tests.Privacy;

/// <summary>Hundreds of odd updates against the running host: it stays up, answers every press, sends nothing invalid.</summary>
public sealed class FuzzTests
{
    [Fact]
    public async Task Odd_updates_of_every_kind_leave_the_bot_up_polite_and_valid()
    {
        await using var api = await FakeBotApiServer.StartAsync();
        await using var bot = await BotUnderTest.StartAsync(api, settings: new Dictionary<string, string?>
        {
            ["Consultants:0:ChatId"] = "-100950",
            ["Consultants:0:PointId"] = "career-nura",
            ["Bot:FloodLimit"] = "1000",
        });
        var random = new Random(20261122);
        var callbacks = 0;
        for (var i = 0; i < 400; i++)
        {
            var chat = 30000 + random.Next(12);
            var update = OddUpdate(random, chat, i);
            if (update["callback_query"] is not null)
            {
                callbacks++;
            }

            api.Enqueue(update);
        }

        var newcomer = new TelegramPerson(api, 39999, "kk");
        newcomer.Sends("/start");

        Assert.Contains("Сәлеметсіз бе", (await newcomer.ReadsAsync()).Text);
        await api.WaitForCallAsync(_ => api.CallsOf("answerCallbackQuery").Count >= callbacks, $"{callbacks} answered button presses", TimeSpan.FromSeconds(60));
        Assert.Empty(api.Violations);
        Assert.All(api.Calls.Where(c => c.Method == "sendMessage"), c => Assert.DoesNotContain("Exception", c.Text, StringComparison.Ordinal));
        Assert.Equal("", Database.Scalar(bot.DatabasePath, "SELECT COALESCE(GROUP_CONCAT(DISTINCT last_error), '') FROM outbox WHERE failed_at IS NOT NULL AND last_error <> 'blocked by the person'"));
    }

    [Fact]
    public async Task A_flood_from_one_person_is_slowed_with_one_notice_and_others_are_still_answered()
    {
        await using var api = await FakeBotApiServer.StartAsync();
        await using var bot = await BotUnderTest.StartAsync(api, settings: new Dictionary<string, string?> { ["Bot:FloodLimit"] = "5" });
        var flooder = new TelegramPerson(api, 31001, "ru");
        var other = new TelegramPerson(api, 31002, "kk");

        for (var i = 0; i < 30; i++)
        {
            flooder.Sends("/help");
        }

        other.Sends("/start");

        Assert.Contains("Сәлеметсіз бе", (await other.ReadsAsync()).Text);
        await flooder.ReadsUntilAsync("Вы пишете очень часто");
        await api.WaitForCallAsync(_ => Database.Scalar(bot.DatabasePath, "SELECT COUNT(*) FROM inbox WHERE handled_at IS NULL") is 0L, "every update handled");
        await api.WaitForCallAsync(_ => Database.Scalar(bot.DatabasePath, "SELECT COUNT(*) FROM outbox WHERE sent_at IS NULL") is 0L, "every message sent");
        Assert.Single(flooder.Received, m => m.Text!.Contains("Вы пишете очень часто", StringComparison.Ordinal));
        Assert.Equal(5, flooder.Received.Count(m => m.Text!.Contains("Команды:", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_consultants_group_repeating_leads_is_slowed_like_a_person_and_others_are_still_answered()
    {
        await using var api = await FakeBotApiServer.StartAsync();
        await using var bot = await BotUnderTest.StartAsync(api, settings: new Dictionary<string, string?>
        {
            ["Bot:FloodLimit"] = "5",
            ["Consultants:0:ChatId"] = "-100960",
            ["Consultants:0:PointId"] = "career-nura",
        });
        var group = new ConsultantChat(api, -100960, 961, "Ерлан");
        var other = new TelegramPerson(api, 31003, "kk");

        for (var i = 0; i < 30; i++)
        {
            group.Sends("/leads");
        }

        other.Sends("/start");

        Assert.Contains("Сәлеметсіз бе", (await other.ReadsAsync()).Text);
        await group.ReceivesAsync(c => c.Text?.Contains("Вы пишете очень часто", StringComparison.Ordinal) == true, "the notice");
        await api.WaitForCallAsync(_ => Database.Scalar(bot.DatabasePath, "SELECT COUNT(*) FROM outbox WHERE sent_at IS NULL") is 0L, "every message sent");
        Assert.Equal(5, group.Received.Count(c => c.Text?.Contains("Открытых заявок", StringComparison.Ordinal) == true));
    }

    private static JsonObject OddUpdate(Random random, long chat, int i)
    {
        JsonObject From() => new() { ["id"] = chat, ["is_bot"] = false, ["first_name"] = Pick(random, "Ақбота", "", "<b>", "A&B", new string('я', 300)), ["language_code"] = Pick(random, "kk", "ru", "en", "zz-ZZ", "") };
        JsonObject Chat(string type = "private") => new() { ["id"] = chat, ["type"] = type, ["first_name"] = "X" };
        JsonObject Message(JsonObject content, string type = "private")
        {
            var message = new JsonObject { ["message_id"] = i + 1, ["date"] = 0, ["chat"] = Chat(type), ["from"] = From() };
            foreach (var (key, value) in content)
            {
                message[key] = value?.DeepClone();
            }

            return message;
        }

        JsonObject Text(string text) => new() { ["message"] = Message(new JsonObject { ["text"] = text }) };
        JsonObject Press(string data, bool withMessage = true)
        {
            var query = new JsonObject { ["id"] = $"q{i}", ["from"] = From(), ["chat_instance"] = "c", ["data"] = data };
            if (withMessage)
            {
                query["message"] = new JsonObject { ["message_id"] = 1, ["date"] = 0, ["chat"] = Chat() };
            }

            return new JsonObject { ["callback_query"] = query };
        }

        return random.Next(24) switch
        {
            0 => Text(new string('ы', 10_000)),
            1 => Text(""),
            2 => Text("   \n\t "),
            3 => Text("😀😀😀"),
            4 => Text("<script>alert(1)</script> & </b>"),
            5 => Text(Pick(random, "/start", "/start p-nowhere", "/start@OtherBot", "/help", "/cancel", "/mydata", "/forget", "/language", "/menu", "/leads", "/export 9999", "/stats", "/consultant", "/unknown")),
            6 => Text(Pick(random, "1", "2", "7", "0", "-1", "99999999999", "грант", "курсы", "меню", "отмена", "Назад", "87011234567", "Айгүл")),
            7 => new JsonObject { ["message"] = Message(new JsonObject { ["sticker"] = new JsonObject { ["file_id"] = "s", ["file_unique_id"] = "s", ["type"] = "regular", ["width"] = 1, ["height"] = 1, ["is_animated"] = false, ["is_video"] = false } }) },
            8 => new JsonObject { ["message"] = Message(new JsonObject { ["photo"] = new JsonArray(new JsonObject { ["file_id"] = "p", ["file_unique_id"] = "p", ["width"] = 1, ["height"] = 1 }) }) },
            9 => new JsonObject { ["edited_message"] = Message(new JsonObject { ["text"] = "edited" }) },
            10 => new JsonObject { ["channel_post"] = new JsonObject { ["message_id"] = 1, ["date"] = 0, ["chat"] = new JsonObject { ["id"] = -1001, ["type"] = "channel" }, ["text"] = "post" } },
            11 => new JsonObject { ["inline_query"] = new JsonObject { ["id"] = "iq", ["from"] = From(), ["query"] = "грант", ["offset"] = "" } },
            12 => new JsonObject { ["my_chat_member"] = new JsonObject { ["chat"] = Chat(), ["from"] = From(), ["date"] = 0, ["old_chat_member"] = new JsonObject { ["status"] = "member" }, ["new_chat_member"] = new JsonObject { ["status"] = Pick(random, "kicked", "member") } } },
            13 => Press(Pick(random, "x:m:bastau-business", "x:m:nope", "x:c:work", "x:c:", "lead:start:bastau-business", "lead:start:x", "w:start", "w:goal:job", "l:kk", "r:pwd", "home", "m:points", "f:yes", "p:place:nura")),
            14 => Press(new string((char)random.Next(32, 0x4FF), random.Next(1, 64))),
            15 => Press("c:take:" + random.Next(990, 1010)),
            16 => Press("a:ok:-100950:career-nura"),
            17 => Press("x:m:jumystap-points", withMessage: false),
            18 => new JsonObject { ["message"] = new JsonObject { ["message_id"] = 1, ["date"] = 0, ["chat"] = Chat(), ["text"] = "no sender" } },
            19 => new JsonObject { ["message"] = Message(new JsonObject { ["text"] = Pick(random, "/leads", "/export", "/consultant", "/start") }, type: "supergroup") },
            20 => new JsonObject { ["message"] = Message(new JsonObject { ["contact"] = new JsonObject { ["phone_number"] = Pick(random, "+77011234567", "123", ""), ["first_name"] = "x", ["user_id"] = random.Next(2) == 0 ? chat : 1 } }) },
            21 => new JsonObject { ["message"] = Message(new JsonObject { ["location"] = new JsonObject { ["latitude"] = random.NextDouble() * 180 - 90, ["longitude"] = random.NextDouble() * 360 - 180 } }) },
            22 => new JsonObject { ["message"] = Message(new JsonObject { ["voice"] = new JsonObject { ["file_id"] = "v" + i, ["file_unique_id"] = "v", ["duration"] = 1 } }) },
            _ => new JsonObject { ["poll"] = new JsonObject { ["id"] = "p" } },
        };
    }

    private static string Pick(Random random, params string[] values) => values[random.Next(values.Length)];
}
