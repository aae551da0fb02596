using System.Globalization;
using JumysBot.Tests.FakeBotApi;

namespace JumysBot.Tests.Outreach;

/// <summary>
/// Opt-in announcements: written by an administrator in both languages, sent as the lowest-priority traffic under
/// Telegram's limits, at most once per person even across a restart, and never again after /unsubscribe.
/// </summary>
public sealed class AnnouncementTests
{
    private const long AdminId = 777;

    [Fact]
    public async Task A_person_subscribes_gets_the_announcement_in_their_language_unsubscribes_under_it_and_gets_no_more()
    {
        await using var api = await FakeBotApiServer.StartAsync();
        await using var bot = await BotUnderTest.StartAsync(api, settings: Settings());
        var person = new TelegramPerson(api, 52001, "kk");
        var bystander = new TelegramPerson(api, 52002, "ru");
        person.Sends("/start");
        await person.ReadsUntilAsync("Өзіңіз туралы");
        bystander.Sends("/start");
        await bystander.ReadsUntilAsync("Расскажите, кто вы");
        Assert.Null(Database.Scalar(bot.DatabasePath, "SELECT subscribed_topics FROM people WHERE id = 52001"));

        person.Sends("/menu");
        await person.ReadsUntilAsync("Басты мәзір");
        person.Presses("Жаңалықтар мен хабарландырулар");
        await person.ReadsUntilAsync("Тек өзіңіз қаласаңыз ғана");
        person.Presses("Жазылу");
        await person.ReadsUntilAsync("Сізге не туралы хабарлайын?");
        person.Presses("Әрі қарай");
        await person.ReadsUntilAsync("Кемінде бір тақырыпты таңдаңыз");
        await person.ReadsUntilAsync("Сізге не туралы хабарлайын?");
        person.Presses("Оқыту және курстар: жоқ");
        var toggled = await person.ReadsUntilAsync("Сізге не туралы хабарлайын?");
        Assert.Contains(toggled.Buttons, b => b.Label == "Оқыту және курстар: иә");
        person.Sends("4");
        await person.ReadsUntilAsync("Қай қала немесе аудан үшін");
        person.Presses("Теміртау");
        await person.ReadsUntilAsync("Дайын, сіз жазылдыңыз");
        Assert.Equal("Training", Database.Scalar(bot.DatabasePath, "SELECT subscribed_topics FROM people WHERE id = 52001"));

        var admin = new TelegramPerson(api, AdminId, "ru");
        await AnnounceAsync(admin, "Курсы Skills Enbek: запись до пятницы.", "Skills Enbek курстары: жұма күнге дейін жазылу.", ["Обучение и курсы"], ["Темиртау"], expectedRecipients: 1);
        var copy = await person.ReadsUntilAsync("Skills Enbek курстары");
        Assert.Contains("JumysBot хабарландыруларына жазылғаныңыз үшін", copy.Text);
        Assert.Equal([("Жазылымнан шығу", "sub:off")], copy.Buttons.Select(b => (b.Label, b.Data)));
        await admin.ReadsUntilAsync("Доставлено: 1. Заблокировали бота: 0. Не доставлено: 0.");
        Assert.DoesNotContain(bystander.Received, m => m.Text!.Contains("Skills Enbek", StringComparison.Ordinal));

        person.Presses("Жазылымнан шығу");
        await person.ReadsUntilAsync("Сіз жазылымнан шықтыңыз");
        Assert.Null(Database.Scalar(bot.DatabasePath, "SELECT subscribed_topics FROM people WHERE id = 52001"));

        await AnnounceAsync(admin, "Второе объявление.", "Екінші хабарландыру.", ["Обучение и курсы"], [], expectedRecipients: 0);
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.DoesNotContain(person.Received, m => m.Text!.Contains("Екінші хабарландыру", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Unsubscribe_works_at_once_from_the_button_in_the_middle_of_a_question_and_by_command()
    {
        await using var api = await FakeBotApiServer.StartAsync();
        await using var bot = await BotUnderTest.StartAsync(api, settings: Settings());
        Subscribe(bot.DatabasePath, 52101, 52102, "ru");
        var person = new TelegramPerson(api, 52101, "ru");
        person.Sends("/mydata");
        var mydata = await person.ReadsUntilAsync("Что я о вас храню");
        Assert.Contains("Подписка на объявления. Темы: Обучение и курсы, Гранты на своё дело, Работа и вакансии. Место: Вся область.", mydata.Text);
        person.Sends("/menu");
        await person.ReadsUntilAsync("Главное меню");
        person.Presses("Найти пункт консультации");
        await person.ReadsUntilAsync("Где вы? Нажмите");

        // The button under an older announcement, pressed while the person is answering something else.
        person.PressesData("sub:off");
        await person.ReadsUntilAsync("Вы отписались");
        await person.ReadsUntilAsync("Где вы? Нажмите");
        Assert.Null(Database.Scalar(bot.DatabasePath, "SELECT subscribed_topics FROM people WHERE id = 52101"));

        var other = new TelegramPerson(api, 52102, "ru");
        other.Sends("/unsubscribe");
        await other.ReadsUntilAsync("Вы отписались");
        other.Sends("/unsubscribe");
        await other.ReadsUntilAsync("Вы не подписаны на объявления");
        Assert.Null(Database.Scalar(bot.DatabasePath, "SELECT subscribed_topics FROM people WHERE id = 52102"));
    }

    [Fact]
    public async Task Someone_who_blocked_the_bot_is_counted_as_blocked_and_skipped_from_then_on()
    {
        await using var api = await FakeBotApiServer.StartAsync();
        await using var bot = await BotUnderTest.StartAsync(api, settings: Settings());
        Subscribe(bot.DatabasePath, 52401, 52403, "ru");
        api.FailNextFor("sendMessage", 52402, 403, """{"ok":false,"error_code":403,"description":"Forbidden: bot was blocked by the user"}""");
        var admin = new TelegramPerson(api, AdminId, "ru");

        await AnnounceAsync(admin, "Сенбіде первое.", "Сенбіде бірінші.", ["Работа и вакансии"], [], expectedRecipients: 3);
        await admin.ReadsUntilAsync("Доставлено: 2. Заблокировали бота: 1. Не доставлено: 0.");

        await AnnounceAsync(admin, "Сенбіде второе.", "Сенбіде екінші.", ["Работа и вакансии"], [], expectedRecipients: 2);
        await admin.ReadsUntilAsync("Доставлено: 2. Заблокировали бота: 0. Не доставлено: 0.");
        Assert.DoesNotContain(Copies(api), c => c.ChatId == 52402);
    }

    [Fact]
    public async Task Only_administrators_can_announce_and_cancel_leaves_nothing_behind()
    {
        await using var api = await FakeBotApiServer.StartAsync();
        await using var bot = await BotUnderTest.StartAsync(api, settings: Settings());
        var stranger = new TelegramPerson(api, 52201, "ru");
        stranger.Sends("/announce");
        await stranger.ReadsUntilAsync("Я не знаю такой команды");

        var admin = new TelegramPerson(api, AdminId, "ru");
        admin.Sends("/announce");
        await admin.ReadsUntilAsync("Новое объявление");
        admin.Sends(new string('а', 3501));
        await admin.ReadsUntilAsync("длиннее 3500 символов");
        admin.Sends("/cancel");
        await admin.ReadsUntilAsync("Объявление отменено");
        Assert.Equal(0L, Database.Scalar(bot.DatabasePath, "SELECT COUNT(*) FROM announcements"));
    }

    [Fact]
    public async Task Two_thousand_subscribers_get_it_once_under_the_configured_rate_while_a_person_in_parallel_is_answered_first()
    {
        const int rate = 400;
        await using var api = await FakeBotApiServer.StartAsync();
        await using var bot = await BotUnderTest.StartAsync(api, settings: Settings(rate));
        Subscribe(bot.DatabasePath, 3_000_000, 3_001_999, "kk");
        var admin = new TelegramPerson(api, AdminId, "ru");

        await AnnounceAsync(admin, "Ярмарка вакансий в субботу.", "Сенбіде бос жұмыс орындарының жәрмеңкесі.", ["Работа и вакансии"], [], expectedRecipients: 2000);
        var person = new TelegramPerson(api, 52301, "ru");
        await Eventually.TrueAsync(() => Copies(api).Count > 100, "the announcement under way", TimeSpan.FromSeconds(30));
        var turns = new List<(DateTime Sent, DateTime Answered)>();
        foreach (var (input, reply) in new[] { ("/start", "Расскажите, кто вы"), ("Другое", "Главное меню"), ("/help", "Я понимаю кнопки") })
        {
            var sent = DateTime.UtcNow;
            if (input == "Другое")
            {
                person.Presses(input);
            }
            else
            {
                person.Sends(input);
            }

            turns.Add((sent, (await person.ReadsUntilAsync(reply)).At));
        }

        await admin.ReadsUntilAsync("Доставлено: 2000. Заблокировали бота: 0. Не доставлено: 0.");
        var copies = Copies(api);
        Assert.Equal(2000, copies.Count);
        Assert.Equal(2000, copies.Select(c => c.ChatId).Distinct().Count());
        Assert.All(copies, c => Assert.StartsWith("Сенбіде", c.Text, StringComparison.Ordinal));

        // Within the configured rate, counted where the copies arrive. Over three seconds no more than the limit allows
        // (and the bucket's one-thirtieth burst); in any one second a few more may arrive together, as requests that left
        // evenly spaced are delayed unevenly on their way (the fake shares its process with the bot), but not 5 % more.
        var times = copies.Select(c => c.At).Order().ToList();
        int Busiest(TimeSpan window) => times.Select((t, i) => times.Skip(i).TakeWhile(u => u < t + window).Count()).Max();
        Assert.InRange(Busiest(TimeSpan.FromSeconds(3)), 1, (3 * rate) + (rate / 30));
        Assert.InRange(Busiest(TimeSpan.FromSeconds(1)), 1, rate + (rate / 20));

        // The person went first: while each of their turns waited, at most one outbox round of announcements went out.
        foreach (var (sent, answered) in turns)
        {
            var overtaking = times.Count(t => t > sent && t < answered);
            Assert.True(overtaking <= rate, $"{overtaking} announcement copies went out while a person waited for a reply");
        }

        Assert.True(turns[^1].Answered < times[^1], "the person's conversation finished only after the whole announcement");
    }

    [Fact]
    public async Task A_restart_halfway_sends_nobody_a_second_copy_and_the_report_still_comes()
    {
        var path = TempDatabase.NewPath();
        await using var api = await FakeBotApiServer.StartAsync();
        var bot = await BotUnderTest.StartAsync(api, databasePath: path, settings: Settings(globalRate: 40));
        try
        {
            Subscribe(path, 3_100_000, 3_100_299, "ru");
            var admin = new TelegramPerson(api, AdminId, "ru");
            await AnnounceAsync(admin, "Гранты Bastau Business: приём заявок.", "Bastau Business гранттары: өтінім қабылдау.", ["Гранты на своё дело"], [], expectedRecipients: 300);
            await Eventually.TrueAsync(() => Copies(api, "Гранты").Count >= 100, "a third of the copies", TimeSpan.FromSeconds(30));
        }
        finally
        {
            await bot.DisposeAsync();
        }

        var sentBeforeRestart = Copies(api, "Гранты").Count;
        Assert.InRange(sentBeforeRestart, 100, 299);
        await using var restarted = await BotUnderTest.StartAsync(api, databasePath: path, settings: Settings(globalRate: 40));
        var report = await new TelegramPerson(api, AdminId, "ru") { Patience = TimeSpan.FromSeconds(60) }.ReadsUntilAsync("разослано");

        var copies = Copies(api, "Гранты");
        Assert.Equal(copies.Count, copies.Select(c => c.ChatId).Distinct().Count());
        var delivered = int.Parse(System.Text.RegularExpressions.Regex.Match(report.Text!, @"Доставлено: (\d+)").Groups[1].Value, CultureInfo.InvariantCulture);
        var failed = int.Parse(System.Text.RegularExpressions.Regex.Match(report.Text!, @"Не доставлено: (\d+)").Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.Equal(300, delivered + failed);
        // Only a copy that was on its way at the stop may be given up, never sent twice. Telegram may have carried it
        // out before the stop cut its answer off: then it arrived once and the report counts it as not delivered.
        Assert.InRange(failed, 0, 8);
        Assert.InRange(copies.Count, delivered, delivered + failed);
    }

    private static Dictionary<string, string?> Settings(int globalRate = 1000) => new()
    {
        ["Bot:AdminIds:0"] = AdminId.ToString(CultureInfo.InvariantCulture),
        ["Telegram:GlobalMessagesPerSecond"] = globalRate.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>The copies people got (the administrator's preview is not one).</summary>
    private static List<ApiCall> Copies(FakeBotApiServer api, string text = "Сенбіде") =>
        [.. api.CallsOf("sendMessage").Where(c => c.Status == 200 && c.ChatId != AdminId && c.Text?.StartsWith(text, StringComparison.Ordinal) == true)];

    /// <summary>Subscribers written straight into the store, as if each had opted in to every topic for the whole region.</summary>
    private static void Subscribe(string databasePath, long firstId, long lastId, string language)
    {
        var rows = string.Join(",\n", Enumerable.Range(0, (int)(lastId - firstId + 1)).Select(i =>
            string.Create(CultureInfo.InvariantCulture, $"({firstId + i}, '{language}', 1, 'Grants,Jobs,Training', NULL, 0, 0)")));
        Database.Execute(databasePath, $"INSERT INTO people (id, language, is_active, subscribed_topics, subscribed_place, created_at, updated_at) VALUES {rows}");
    }

    private static async Task AnnounceAsync(TelegramPerson admin, string russian, string kazakh, string[] topics, string[] places, int expectedRecipients)
    {
        admin.Sends("/announce");
        await admin.ReadsUntilAsync("Новое объявление");
        admin.Sends(russian);
        await admin.ReadsUntilAsync("на казахском языке");
        admin.Sends(kazakh);
        await admin.ReadsUntilAsync("Для каких тем");
        foreach (var topic in topics)
        {
            admin.Presses($"{topic}: нет");
            await admin.ReadsUntilAsync("Для каких тем");
        }

        admin.Presses("Дальше");
        await admin.ReadsUntilAsync("Для каких городов и районов");
        foreach (var place in places)
        {
            admin.Presses($"{place}: нет");
            await admin.ReadsUntilAsync("Для каких городов и районов");
        }

        admin.Presses("Дальше");
        await admin.ReadsUntilAsync("Так объявление увидят люди");
        var preview = await admin.ReadsUntilAsync("Отправить?");
        Assert.Contains($"Получат: {expectedRecipients} чел.", preview.Text);
        admin.Presses("Отправить");
        await admin.ReadsUntilAsync(expectedRecipients == 0 ? "никто не подписан" : "отправляется");
    }
}
