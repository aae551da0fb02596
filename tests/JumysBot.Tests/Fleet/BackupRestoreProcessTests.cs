using System.Text.RegularExpressions;
using JumysBot.Tests.FakeBotApi;
using JumysBot.Tests.Hosting;
using JumysBot.Tests.Storage.Stores;
using Npgsql;
using static JumysBot.Tests.Fleet.FleetProcessKit;

namespace JumysBot.Tests.Fleet;

/// <summary>
/// A backup that is known to restore: the bot runs on PostgreSQL and takes requests; the database is dumped with
/// <c>pg_dump</c>, lost, and brought back with <c>pg_restore</c> while the bot keeps running; the bot carries on from
/// where the dump left everyone.
/// </summary>
public sealed partial class BackupRestoreProcessTests(PostgresTestStore store) : IClassFixture<PostgresTestStore>
{
    private const long ConsultantChat = -100962;

    [StoreFact]
    public async Task A_database_dumped_erased_and_restored_under_a_running_bot_keeps_requests_and_conversations()
    {
        var location = await store.NewLocationAsync();
        var databaseName = new NpgsqlConnectionStringBuilder(location.ConnectionString).Database!;
        await using var api = await FakeBotApiServer.StartAsync();
        using var bot = AppProcess.Start(new Dictionary<string, string>
        {
            ["Telegram__BotToken"] = FakeBotApiServer.Token,
            ["Telegram__ApiBaseUrl"] = api.BaseUrl.ToString(),
            ["Telegram__PollingTimeoutSeconds"] = "1",
            ["Storage__Provider"] = "Postgres",
            ["Storage__ConnectionString"] = location.ConnectionString!,
            ["Logging__LogLevel__Default"] = "Warning",
            ["Consultants__0__ChatId"] = ConsultantChat.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Consultants__0__PointId"] = "career-balkhash",
        });

        // Before the dump: one person's request is in, another is half way through theirs.
        var done = new TelegramPerson(api, 47001, "ru") { Patience = TimeSpan.FromSeconds(60) };
        var halfway = new TelegramPerson(api, 47002, "ru") { Patience = TimeSpan.FromSeconds(30) };
        await LeadScript.RequestJobCoachAsync(done, place: "Балхаш");
        await api.WaitUntilAsync(() => Cards(api).Count == 1, "the first request's card", TimeSpan.FromSeconds(30));
        halfway.Sends("/start");
        await halfway.ReadsUntilAsync("Расскажите, кто вы");
        halfway.Presses("Я человек с инвалидностью");
        await halfway.ReadsUntilAsync("Главное меню");
        halfway.Sends("наставник");
        await halfway.ReadsUntilAsync("по запросу");
        halfway.Presses("Job coach (наставник)");
        await halfway.ReadsUntilAsync("Что вы получите");
        halfway.Presses("Оставить заявку");
        await halfway.ReadsUntilAsync("Какая помощь наставника Job coach вам нужна?");
        halfway.Presses("Найти работу");
        await halfway.ReadsUntilAsync("согласие на обработку");
        halfway.Presses("Согласен(на)");
        await halfway.ReadsUntilAsync("Как к вам обращаться?");

        var dump = Path.Combine(Directory.CreateTempSubdirectory("jumysbot-dump").FullName, "jumysbot.dump");
        await PostgresTools.RunAsync("pg_dump", location.ConnectionString!, "--format=custom", $"--file={dump}");

        // The database is lost (its sessions, the bot's among them, end with it), then made again empty and restored.
        await ServerAsync($"DROP DATABASE {databaseName} WITH (FORCE)");
        await ServerAsync($"CREATE DATABASE {databaseName} TEMPLATE template0 ENCODING 'UTF8'");
        await PostgresTools.RunAsync("pg_restore", location.ConnectionString!, "--no-owner", "--exit-on-error", $"--dbname={databaseName}", dump);

        // The person goes on from their step (the consent given is kept), and a new person is served too.
        halfway.Sends("Жанна");
        await halfway.ReadsUntilAsync("Ваш номер телефона");
        halfway.Sends("87021234567");
        await halfway.ReadsUntilAsync("Как с вами связаться?");
        halfway.Presses("Только сообщения в Telegram");
        await halfway.ReadsUntilAsync("Где вы живёте?");
        halfway.Sends("Выбрать из списка");
        await halfway.ReadsUntilAsync("Выберите город или район");
        halfway.Presses("Балхаш");
        await halfway.ReadsUntilAsync("Есть ли у вас группа");
        halfway.Presses("Первая группа");
        await halfway.ReadsUntilAsync("Хотите что-то добавить");
        halfway.Presses("Пропустить");
        await halfway.ReadsUntilAsync("Проверьте");
        halfway.Presses("Подтвердить");
        await halfway.ReadsUntilAsync("принята");
        var newcomer = new TelegramPerson(api, 47003, "ru") { Patience = TimeSpan.FromSeconds(30) };
        await LeadScript.RequestJobCoachAsync(newcomer, place: "Балхаш");
        await api.WaitUntilAsync(() => Cards(api).Count == 3, "a card for each of the three requests", TimeSpan.FromSeconds(30));

        // Numbers go on after the restored ones; nothing was lost or sent twice.
        var cards = Cards(api);
        Assert.Equal(3, cards.Distinct().Count());
        Assert.Equal(cards.Order().ToList(), cards);
        // The connections the lost database took with it cost nobody an apology: the bot tries a fresh one first.
        Assert.DoesNotContain(halfway.Received, m => m.Text!.Contains("техническая неполадка", StringComparison.Ordinal));
        var database = await TestStore.OpenAsync(location);
        await using var tx = await database.BeginReadAsync(CancellationToken.None);
        Assert.Equal(3L, await ScalarAsync(tx, "SELECT COUNT(*) FROM leads"));
        Assert.Equal(0L, await ScalarAsync(tx, "SELECT COUNT(*) FROM inbox WHERE handled_at IS NULL"));
        Assert.Equal(0, await tx.Outbox.BacklogAsync(CancellationToken.None));
        Directory.Delete(Path.GetDirectoryName(dump)!, recursive: true);
    }

    private static List<int> Cards(FakeBotApiServer api) =>
        [.. api.CallsTo(ConsultantChat).Where(c => c.Method == "sendMessage" && c.Status == 200 && Number().IsMatch(c.Text!))
            .Select(c => int.Parse(Number().Match(c.Text!).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))];

    private static async Task ServerAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(PostgresTestServer.Require()) { Database = "postgres", Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
