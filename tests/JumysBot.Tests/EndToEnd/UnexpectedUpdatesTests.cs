using System.Text.Json.Nodes;
using JumysBot.Tests.FakeBotApi;

namespace JumysBot.Tests.EndToEnd;

/// <summary>
/// Updates of a shape the bot did not expect, in the middle of a batch: each is stored as it came and set aside, the
/// offset moves past it, and neither its chat nor anyone else's is held up. Updates of kinds the bot does not act on
/// are skipped without an apology. Field names are the Bot API reference's.
/// </summary>
public sealed class UnexpectedUpdatesTests : IAsyncLifetime
{
    private const long PersonId = 7301;
    private const string Marker = "UNREADABLE-7301";
    private FakeBotApiServer _api = null!;

    public async Task InitializeAsync() => _api = await FakeBotApiServer.StartAsync();

    public async Task DisposeAsync() => await _api.DisposeAsync();

    /// <summary>Shapes that do not fit the Bot API's types; each carries <see cref="Marker"/> so the stored copy can be found.</summary>
    public static TheoryData<string, string> Malformed => new()
    {
        { "a message without its chat", """{"message":{"message_id":1,"date":1700000000,"text":"MARKER"}}""" },
        { "a chat that is a string", """{"message":{"message_id":1,"date":1700000000,"chat":"MARKER","text":"hi"}}""" },
        { "a chat id that is a word", """{"message":{"message_id":1,"date":1700000000,"chat":{"id":"MARKER","type":"private"}}}""" },
        { "a chat id with a fraction", """{"message":{"message_id":1,"date":1700000000,"chat":{"id":7301.5,"type":"private"},"text":"MARKER"}}""" },
        { "a message id that is a word", """{"message":{"message_id":"MARKER","date":1700000000,"chat":{"id":7301,"type":"private"}}}""" },
        { "a date that is an object", """{"message":{"message_id":1,"date":{"when":"MARKER"},"chat":{"id":7301,"type":"private"}}}""" },
        { "a sender that is a list", """{"message":{"message_id":1,"date":1700000000,"chat":{"id":7301,"type":"private"},"from":["MARKER"]}}""" },
        { "a text that is a number", """{"message":{"message_id":1,"date":1700000000,"chat":{"id":7301,"type":"private"},"text":17,"caption":"MARKER"}}""" },
        { "a text that is an object", """{"message":{"message_id":1,"date":1700000000,"chat":{"id":7301,"type":"private"},"text":{"t":"MARKER"}}}""" },
        { "a contact without its number", """{"message":{"message_id":1,"date":1700000000,"chat":{"id":7301,"type":"private"},"contact":{"first_name":"MARKER"}}}""" },
        { "a voice without its file id", """{"message":{"message_id":1,"date":1700000000,"chat":{"id":7301,"type":"private"},"voice":{"duration":3,"mime_type":"MARKER"}}}""" },
        { "a location that is a string", """{"message":{"message_id":1,"date":1700000000,"chat":{"id":7301,"type":"private"},"location":"MARKER"}}""" },
        { "a button press without its id", """{"callback_query":{"from":{"id":7301,"is_bot":false,"first_name":"A"},"chat_instance":"c","data":"MARKER"}}""" },
        { "a button press without its presser", """{"callback_query":{"id":"q1","chat_instance":"c","data":"MARKER"}}""" },
        { "a button press whose message has no chat", """{"callback_query":{"id":"q2","from":{"id":7301,"is_bot":false,"first_name":"A"},"chat_instance":"c","data":"MARKER","message":{"message_id":1,"date":1}}}""" },
        { "a membership change without the new member", """{"my_chat_member":{"chat":{"id":7301,"type":"private"},"from":{"id":7301,"is_bot":false,"first_name":"MARKER"},"date":1}}""" },
        { "a message that is a list", """{"message":["MARKER"]}""" },
        { "a kind Telegram may add one day", """{"future_kind_of_update":{"id":1,"note":"MARKER"}}""" },
        { "nothing but the id and a stray number", """{"z":1,"a":"MARKER"}""" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public async Task An_update_that_cannot_be_read_is_set_aside_and_nobody_waits_for_it(string shape, string json)
    {
        await using var bot = await BotUnderTest.StartAsync(_api);
        var person = new TelegramPerson(_api, PersonId, "ru");
        var other = new TelegramPerson(_api, 7302, "kk");
        person.Sends("/start");
        await person.ReadsUntilAsync("Здравствуйте");

        var unreadable = _api.Enqueue(JsonNode.Parse(json.Replace("MARKER", Marker, StringComparison.Ordinal))!.AsObject());
        person.Sends("/help");
        other.Sends("/start");

        await person.ReadsUntilAsync("Я понимаю кнопки");
        await other.ReadsUntilAsync("Сәлеметсіз бе");
        await Eventually.TrueAsync(() => SetAside(bot, unreadable) is not null, $"{shape} set aside");
        Assert.Contains(Marker, SetAside(bot, unreadable), StringComparison.Ordinal);
        Assert.DoesNotContain(person.Received, m => m.Text!.Contains("Извините", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_log_names_the_set_aside_update_by_id_and_kind_and_holds_none_of_its_words()
    {
        var logs = new CapturedLogs();
        await using var bot = await BotUnderTest.StartAsync(_api, logs: logs);
        var person = new TelegramPerson(_api, PersonId, "ru");

        var unreadable = _api.Enqueue(JsonNode.Parse("""{"message":{"message_id":1,"date":1,"chat":{"id":7301,"type":"private"},"text":{"t":"MARKER"}}}""".Replace("MARKER", Marker, StringComparison.Ordinal))!.AsObject());
        person.Sends("/start");
        await person.ReadsUntilAsync("Здравствуйте");

        await Eventually.TrueAsync(() => logs.Lines.Any(l => l.Contains($"Update {unreadable} (message)", StringComparison.Ordinal)), "the set-aside line");
        Assert.DoesNotContain(logs.Lines, l => l.Contains(Marker, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_button_press_without_chat_instance_is_still_answered()
    {
        await using var bot = await BotUnderTest.StartAsync(_api);
        var person = new TelegramPerson(_api, PersonId, "ru");
        person.Sends("/start");
        var question = await person.ReadsUntilAsync("Расскажите, кто вы");
        var press = (JsonObject)JsonNode.Parse(WithPerson("""
            {"callback_query":{"id":"no-instance","from":PERSON,"message":{"message_id":1,"date":1700000000,"chat":CHAT},"data":"DATA"}}
            """).Replace("DATA", question.Buttons[^1].Data, StringComparison.Ordinal))!;

        _api.Enqueue(press);

        await _api.WaitForCallAsync(c => c.Method == "answerCallbackQuery" && c.Body["callback_query_id"]?.GetValue<string>() == "no-instance", "the press answered");
        await person.ReadsUntilAsync("Главное меню");
    }

    /// <summary>Real updates of kinds the bot does not act on, as the Bot API reference describes them.</summary>
    public static TheoryData<string, string> NotActedOn => new()
    {
        { "an edited message", """{"edited_message":{"message_id":5,"date":1700000000,"edit_date":1700000100,"chat":CHAT,"from":PERSON,"text":"исправил"}}""" },
        { "a channel post", """{"channel_post":{"message_id":9,"date":1700000000,"chat":{"id":-1001111111111,"type":"channel","title":"Новости"},"sender_chat":{"id":-1001111111111,"type":"channel","title":"Новости"},"text":"Пост"}}""" },
        { "an edited channel post", """{"edited_channel_post":{"message_id":9,"date":1700000000,"edit_date":1700000005,"chat":{"id":-1001111111111,"type":"channel","title":"Новости"},"text":"Пост!"}}""" },
        { "a message reaction", """{"message_reaction":{"chat":CHAT,"message_id":3,"user":PERSON,"date":1700000000,"old_reaction":[],"new_reaction":[{"type":"emoji","emoji":"👍"},{"type":"custom_emoji","custom_emoji_id":"5368324170671202286"},{"type":"paid"}]}}""" },
        { "a reaction count", """{"message_reaction_count":{"chat":{"id":-1002222222222,"type":"supergroup","title":"Группа"},"message_id":3,"date":1700000000,"reactions":[{"type":{"type":"emoji","emoji":"❤"},"total_count":4}]}}""" },
        { "a chat join request", """{"chat_join_request":{"chat":{"id":-1002222222222,"type":"supergroup","title":"Группа"},"from":PERSON,"user_chat_id":7301,"date":1700000000,"bio":"Ищу работу","invite_link":{"invite_link":"https://t.me/+abc","creator":{"id":1,"is_bot":false,"first_name":"Админ"},"creates_join_request":true,"is_primary":false,"is_revoked":false}}}""" },
        { "a poll", """{"poll":{"id":"5444","question":"Удобно?","options":[{"text":"Да","voter_count":3},{"text":"Нет","voter_count":1}],"total_voter_count":4,"is_closed":false,"is_anonymous":true,"type":"regular","allows_multiple_answers":false}}""" },
        { "a poll answer", """{"poll_answer":{"poll_id":"5444","user":PERSON,"option_ids":[0]}}""" },
        { "a message with a poll", """{"message":{"message_id":6,"date":1700000000,"chat":CHAT,"from":PERSON,"poll":{"id":"5445","question":"Когда?","options":[{"text":"Утром","voter_count":0}],"total_voter_count":0,"is_closed":false,"is_anonymous":false,"type":"quiz","allows_multiple_answers":false,"correct_option_id":0}}}""" },
        { "a forwarded story", """{"message":{"message_id":7,"date":1700000000,"chat":CHAT,"from":PERSON,"story":{"chat":{"id":-1003333333333,"type":"channel","title":"Истории"},"id":12}}}""" },
        { "a business connection", """{"business_connection":{"id":"bc1","user":PERSON,"user_chat_id":7301,"date":1700000000,"can_reply":true,"is_enabled":true}}""" },
        { "a business message", """{"business_message":{"message_id":8,"date":1700000000,"business_connection_id":"bc1","chat":CHAT,"from":PERSON,"text":"Здравствуйте"}}""" },
        { "deleted business messages", """{"deleted_business_messages":{"business_connection_id":"bc1","chat":CHAT,"message_ids":[8,9]}}""" },
        { "a message with every entity kind", EveryEntity },
        { "the bot added to a group", """{"my_chat_member":{"chat":{"id":-4000000001,"type":"group","title":"Консультанты"},"from":PERSON,"date":1700000000,"old_chat_member":{"status":"left","user":{"id":1,"is_bot":true,"first_name":"JumysBot"}},"new_chat_member":{"status":"member","user":{"id":1,"is_bot":true,"first_name":"JumysBot"}}}}""" },
        { "the bot made an administrator in a supergroup", """{"my_chat_member":{"chat":{"id":-1004444444444,"type":"supergroup","title":"Консультанты"},"from":PERSON,"date":1700000000,"old_chat_member":{"status":"member","user":{"id":1,"is_bot":true,"first_name":"JumysBot"}},"new_chat_member":{"status":"administrator","user":{"id":1,"is_bot":true,"first_name":"JumysBot"},"can_be_edited":false,"is_anonymous":false,"can_manage_chat":true,"can_delete_messages":true,"can_manage_video_chats":false,"can_restrict_members":false,"can_promote_members":false,"can_change_info":false,"can_invite_users":true,"can_post_stories":false,"can_edit_stories":false,"can_delete_stories":false}}}""" },
        { "a group that became a supergroup", """{"message":{"message_id":10,"date":1700000000,"chat":{"id":-4000000001,"type":"group","title":"Консультанты"},"from":PERSON,"migrate_to_chat_id":-1004444444444}}""" },
        { "the supergroup it became", """{"message":{"message_id":1,"date":1700000000,"chat":{"id":-1004444444444,"type":"supergroup","title":"Консультанты"},"sender_chat":{"id":-1004444444444,"type":"supergroup","title":"Консультанты"},"migrate_from_chat_id":-4000000001}}""" },
        { "a member who joined a group", """{"chat_member":{"chat":{"id":-1004444444444,"type":"supergroup","title":"Консультанты"},"from":PERSON,"date":1700000000,"old_chat_member":{"status":"left","user":PERSON},"new_chat_member":{"status":"member","user":PERSON}}}""" },
        { "an inline query", """{"inline_query":{"id":"iq1","from":PERSON,"query":"курсы","offset":""}}""" },
        { "a chat boost", """{"chat_boost":{"chat":{"id":-1001111111111,"type":"channel","title":"Новости"},"boost":{"boost_id":"b1","add_date":1700000000,"expiration_date":1702592000,"source":{"source":"premium","user":PERSON}}}}""" },
    };

    [Theory]
    [MemberData(nameof(NotActedOn))]
    public async Task An_update_the_bot_does_not_act_on_leaves_its_chat_working(string kind, string json)
    {
        await using var bot = await BotUnderTest.StartAsync(_api);
        var person = new TelegramPerson(_api, PersonId, "ru");

        var skipped = _api.Enqueue(JsonNode.Parse(WithPerson(json))!.AsObject());
        person.Sends("/start");

        await person.ReadsUntilAsync("Здравствуйте");
        await Eventually.TrueAsync(() => IsHandled(bot, skipped), $"{kind} handled");
        Assert.DoesNotContain(_api.Calls, c => c.Text?.Contains("Извините", StringComparison.Ordinal) == true);
    }

    private const string EveryEntity = """
        {"message":{"message_id":11,"date":1700000000,"chat":CHAT,"from":PERSON,
          "text":"@jumys #курсы $KZT /help https://enbek.kz a@b.kz +77011234567 жирный курсив подчёркнутый зачёркнутый спойлер код блок ссылка Айгүл 😀 цитата скрытая",
          "entities":[
            {"type":"mention","offset":0,"length":6},{"type":"hashtag","offset":7,"length":6},{"type":"cashtag","offset":14,"length":4},
            {"type":"bot_command","offset":19,"length":5},{"type":"url","offset":25,"length":16},{"type":"email","offset":42,"length":6},
            {"type":"phone_number","offset":49,"length":12},{"type":"bold","offset":62,"length":6},{"type":"italic","offset":69,"length":6},
            {"type":"underline","offset":76,"length":12},{"type":"strikethrough","offset":89,"length":11},{"type":"spoiler","offset":101,"length":7},
            {"type":"code","offset":109,"length":3},{"type":"pre","offset":113,"length":4,"language":"csharp"},
            {"type":"text_link","offset":118,"length":6,"url":"https://skills.enbek.kz"},
            {"type":"text_mention","offset":125,"length":5,"user":{"id":7301,"is_bot":false,"first_name":"Айгүл"}},
            {"type":"custom_emoji","offset":131,"length":2,"custom_emoji_id":"5368324170671202286"},
            {"type":"blockquote","offset":134,"length":6},{"type":"expandable_blockquote","offset":141,"length":7}]}}
        """;

    private static string WithPerson(string json) => json
        .Replace("CHAT", $$"""{"id":{{PersonId}},"type":"private","first_name":"Айгүл"}""", StringComparison.Ordinal)
        .Replace("PERSON", $$"""{"id":{{PersonId}},"is_bot":false,"first_name":"Айгүл","language_code":"ru"}""", StringComparison.Ordinal);

    private static string? SetAside(BotUnderTest bot, long updateId) => Database.Scalar(
        bot.DatabasePath, "SELECT payload FROM inbox WHERE update_id = @id AND handled_at IS NOT NULL", ("@id", updateId)) as string;

    private static bool IsHandled(BotUnderTest bot, long updateId) =>
        Database.Scalar(bot.DatabasePath, "SELECT handled_at FROM inbox WHERE update_id = @id", ("@id", updateId)) is long;
}
