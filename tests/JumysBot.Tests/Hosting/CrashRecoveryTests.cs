using JumysBot.Tests.FakeBotApi;

namespace JumysBot.Tests.Hosting;

/// <summary>The bot process is killed in the middle of a request and started again on the same database.</summary>
public sealed class CrashRecoveryTests
{
    [Fact]
    public async Task A_person_whose_bot_was_killed_mid_request_finishes_from_the_same_step_with_exactly_one_lead()
    {
        await using var api = await FakeBotApiServer.StartAsync();
        var database = TempDatabase.NewPath();
        var environment = Environment(api, database);
        var person = new TelegramPerson(api, 12001, "ru", firstName: "Айгерим");

        using (var first = AppProcess.Start(environment))
        {
            person.Sends("/start");
            await person.ReadsUntilAsync("Расскажите, кто вы");
            person.Presses("Ухаживаю за близким");
            await person.ReadsUntilAsync("Главное меню");
            person.Presses("Обучение и курсы");
            await person.ReadsUntilAsync("Обучение и курсы");
            person.Presses("Краткосрочные курсы для мам");
            await person.ReadsUntilAsync("Что вы получите");
            person.Presses("Хочу участвовать");
            await person.ReadsUntilAsync("согласие на обработку");
            person.Presses("Согласен(на)");
            await person.ReadsUntilAsync("Как к вам обращаться?");
            person.Presses("Айгерим");
            await person.ReadsUntilAsync("Ваш номер телефона");

            first.Kill();
        }

        // While the bot is down the person answers; Telegram keeps the update until someone polls.
        person.SharesContact("+77051112233");
        using var second = AppProcess.Start(environment);

        await person.ReadsUntilAsync("Как с вами связаться?");
        person.Presses("Позвоните мне");
        await person.ReadsUntilAsync("Когда вам удобно");
        person.Presses("Вечером");
        await person.ReadsUntilAsync("Где вы живёте?");
        person.Sends("Выбрать из списка");
        await person.ReadsUntilAsync("Выберите город или район");
        person.Presses("Темиртау");
        await person.ReadsUntilAsync("Хотите что-то добавить");
        person.Presses("Пропустить");
        await person.ReadsUntilAsync("Проверьте");
        person.Presses("Подтвердить");
        await person.ReadsUntilAsync("принята");

        Assert.Equal(1L, Database.Scalar(database, "SELECT COUNT(*) FROM leads"));
        Assert.Equal("Айгерим|+77051112233|Call|Evening|temirtau", Database.Scalar(database,
            "SELECT name || '|' || phone || '|' || contact_method || '|' || contact_time || '|' || place_id FROM leads"));
        Assert.Single(person.Received, m => m.Text!.Contains("принята", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Fifty_people_registering_while_the_bot_is_killed_three_times_all_end_with_one_request_each_and_its_card()
    {
        await using var api = await FakeBotApiServer.StartAsync();
        var database = TempDatabase.NewPath();
        var environment = Environment(api, database);
        environment["Consultants__0__ChatId"] = "-100990";
        environment["Consultants__0__PointId"] = "career-balkhash";
        var bot = AppProcess.Start(environment);
        var people = Enumerable.Range(0, 50).Select(i => new TelegramPerson(api, 50_000 + i, "ru", firstName: "Жанна") { Patience = TimeSpan.FromSeconds(60) }).ToList();
        var random = new Random(1122);
        var running = people.Select(p => Task.Run(() => LeadScript.RequestJobCoachAsync(p, place: "Балхаш"))).ToList();

        for (var kill = 0; kill < 3; kill++)
        {
            await Task.Delay(random.Next(500, 2500));
            bot.Kill();
            bot.Dispose();
            bot = AppProcess.Start(environment);
        }

        try
        {
            await Task.WhenAll(running);

            // Every person saw their request confirmed, and each is stored exactly once.
            Assert.Equal(50L, Database.Scalar(database, "SELECT COUNT(*) FROM leads"));
            Assert.Equal(50L, Database.Scalar(database, "SELECT COUNT(DISTINCT person_id) FROM leads"));

            // Every stored request's card reached the point's chat; a copy sent again after a kill says it may be a repeat.
            var consultants = new ConsultantChat(api, -100990, 990, "Гаухар");
            for (var number = 1001; number <= 1050; number++)
            {
                var card = $"Заявка № {number}.";
                await Eventually.TrueAsync(() => consultants.Received.Any(c => c.Text?.Contains(card, StringComparison.Ordinal) == true), $"the card of {number}", TimeSpan.FromSeconds(30));
                var copies = consultants.Received.Where(c => c.Text?.Contains(card, StringComparison.Ordinal) == true).ToList();
                Assert.All(copies.Skip(1), c => Assert.StartsWith("Повторная отправка", c.Text, StringComparison.Ordinal));
            }

            // Nobody is stuck: everyone can carry on.
            var last = people[^1];
            last.Sends("/menu");
            await last.ReadsUntilAsync("Главное меню");
        }
        finally
        {
            bot.Dispose();
        }
    }

    /// <summary>The bot process's settings: the fake Bot API, a short long-poll, and the database that survives restarts.</summary>
    private static Dictionary<string, string> Environment(FakeBotApiServer api, string database) => new()
    {
        ["Telegram__BotToken"] = FakeBotApiServer.Token,
        ["Telegram__ApiBaseUrl"] = api.BaseUrl.ToString(),
        ["Telegram__PollingTimeoutSeconds"] = "1",
        ["Storage__Path"] = database,
    };
}
