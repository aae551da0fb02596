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
        var environment = new Dictionary<string, string>
        {
            ["Telegram__BotToken"] = FakeBotApiServer.Token,
            ["Telegram__ApiBaseUrl"] = api.BaseUrl.ToString(),
            ["Telegram__PollingTimeoutSeconds"] = "1",
            ["Storage__Path"] = database,
        };
        var person = new TelegramPerson(api, 12001, "ru", firstName: "Айгерим");

        using (var first = AppProcess.Start(environment))
        {
            person.Sends("/start");
            await person.ReadsUntilAsync("Расскажите, кто вы");
            person.Presses("Ухаживаю за ребёнком с инвалидностью");
            await person.ReadsUntilAsync("Главное меню");
            person.Presses("Обучение и курсы");
            await person.ReadsUntilAsync("Обучение и курсы");
            person.Presses("Краткосрочные курсы для мам");
            await person.ReadsUntilAsync("Краткосрочные курсы для мам");
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
}
