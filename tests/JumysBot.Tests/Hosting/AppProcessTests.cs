using JumysBot.Tests.FakeBotApi;

namespace JumysBot.Tests.Hosting;

/// <summary>The contracts an operator relies on, checked on the real executable.</summary>
public sealed class AppProcessTests
{
    [Fact]
    public async Task Without_a_token_it_says_so_in_one_line_and_chats_in_the_terminal_until_input_ends()
    {
        using var app = AppProcess.Start(new Dictionary<string, string> { ["Storage__Path"] = TempDatabase.NewPath() });

        await app.TypeAsync("2", "4", "/mydata");
        app.CloseInput();

        Assert.Equal(0, await app.WaitForExitAsync());
        var lines = app.Output.Split('\n');
        Assert.StartsWith("Telegram:BotToken is not set", lines[0]);
        Assert.Contains("Кто вы: Не хочу указывать.", app.Output);
        Assert.DoesNotContain("info:", app.Output);
    }

    [Fact]
    public async Task With_a_token_and_an_api_url_it_answers_start_over_http_in_the_persons_language()
    {
        await using var api = await FakeBotApiServer.StartAsync();
        using var app = AppProcess.Start(new Dictionary<string, string>
        {
            ["Telegram__BotToken"] = FakeBotApiServer.Token,
            ["Telegram__ApiBaseUrl"] = api.BaseUrl.ToString(),
            ["Telegram__PollingTimeoutSeconds"] = "1",
            ["Storage__Path"] = TempDatabase.NewPath(),
        });
        var person = new TelegramPerson(api, 8001, "kk");

        person.Sends("/start");

        var greeting = await person.ReadsAsync();
        Assert.Contains("Сәлеметсіз бе", greeting.Text);
        Assert.Contains(api.Calls, c => c.Method == "deleteWebhook");
    }

    [Fact]
    public async Task A_token_telegram_rejects_stops_the_bot_with_exit_code_2_and_says_why()
    {
        await using var api = await FakeBotApiServer.StartAsync();
        using var app = AppProcess.Start(new Dictionary<string, string>
        {
            ["Telegram__BotToken"] = "999:WRONG",
            ["Telegram__ApiBaseUrl"] = api.BaseUrl.ToString(),
            ["Storage__Path"] = TempDatabase.NewPath(),
        });

        Assert.Equal(2, await app.WaitForExitAsync());
        Assert.Contains("rejected the bot token", app.Output + app.Errors);
        Assert.DoesNotContain("999:WRONG", app.Output + app.Errors);
    }

    [Theory]
    [InlineData("Telegram__WebhookSecret", "short", "Telegram:WebhookSecret")]
    [InlineData("Storage__Provider", "Mongo", "Storage:Provider is 'Mongo'; it needs one of Sqlite, Postgres")]
    [InlineData("Bot__MaxParallelChats", "0", "Bot:MaxParallelChats must be between 1 and 256")]
    [InlineData("Bot__MaxParallelChats", "many", "Bot:MaxParallelChats is 'many'; it needs a whole number")]
    [InlineData("Bot__AdminIds__0", "@aigerim", "Bot:AdminIds:0 is '@aigerim'; it needs a whole number")]
    [InlineData("Telegram__Mode", "Hook", "Telegram:Mode is 'Hook'; it needs one of Polling, Webhook")]
    [InlineData("Consultants__0__PointId", "nowhere", "Consultants:0:PointId is 'nowhere'")]
    public async Task A_configuration_mistake_stops_the_start_with_exit_code_2_and_one_line_that_names_the_key(string variable, string value, string expected)
    {
        await using var api = await FakeBotApiServer.StartAsync();
        using var app = AppProcess.Start(new Dictionary<string, string>
        {
            ["Telegram__BotToken"] = FakeBotApiServer.Token,
            ["Telegram__ApiBaseUrl"] = api.BaseUrl.ToString(),
            ["Storage__Path"] = TempDatabase.NewPath(),
            // Webhook mode with a good secret, unless the case sets a wrong one.
            ["Telegram__Mode"] = "Webhook",
            ["Telegram__WebhookUrl"] = "https://bot.example.kz/telegram/7f3a",
            ["Telegram__WebhookSecret"] = "s3cret-Token_1234567890",
            ["Consultants__0__ChatId"] = "-100970",
            ["Consultants__0__PointId"] = "career-nura",
            [variable] = value,
        });

        Assert.Equal(2, await app.WaitForExitAsync());
        var lines = (app.Output + app.Errors).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var line = Assert.Single(lines);
        Assert.StartsWith("The configuration is not valid: ", line, StringComparison.Ordinal);
        Assert.Contains(expected, line, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", line, StringComparison.Ordinal);
        Assert.Empty(api.Calls);
    }

    [Fact]
    public async Task The_healthcheck_command_answers_for_a_running_bot_and_fails_for_none()
    {
        await using var api = await FakeBotApiServer.StartAsync();
        var port = FreePort();
        var urls = $"http://127.0.0.1:{port}";
        using var bot = AppProcess.Start(new Dictionary<string, string>
        {
            ["Telegram__BotToken"] = FakeBotApiServer.Token,
            ["Telegram__ApiBaseUrl"] = api.BaseUrl.ToString(),
            ["Storage__Path"] = TempDatabase.NewPath(),
            ["ASPNETCORE_URLS"] = urls,
        });
        await api.WaitForCallAsync(c => c.Method == "deleteWebhook", "the bot started");

        using var healthy = AppProcess.Start(new Dictionary<string, string> { ["ASPNETCORE_URLS"] = urls }, "healthcheck");
        Assert.Equal(0, await healthy.WaitForExitAsync());
        using var nobody = AppProcess.Start(new Dictionary<string, string> { ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{FreePort()}" }, "healthcheck");
        Assert.Equal(1, await nobody.WaitForExitAsync());
    }

    [Fact]
    public async Task The_backup_command_makes_a_consistent_copy_of_a_live_database()
    {
        var database = await Storage.TestDatabase.CreateAsync();
        await using (var tx = await database.BeginAsync(CancellationToken.None))
        {
            await tx.People.SaveAsync(new JumysBot.Conversations.Person(77) { Language = JumysBot.Localization.Language.Kazakh }, CancellationToken.None);
            await tx.CommitAsync(CancellationToken.None);
        }

        var backup = Path.Combine(Path.GetTempPath(), $"jumysbot-backup-{Guid.NewGuid():N}.db");
        using var app = AppProcess.Start(new Dictionary<string, string> { ["Storage__Path"] = database.FilePath }, "backup", backup);

        Assert.Equal(0, await app.WaitForExitAsync());
        Assert.Equal("kk", Database.Scalar(backup, "SELECT language FROM people WHERE id = 77"));
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    [Fact]
    public async Task A_broken_content_file_is_refused_at_start_with_a_message_that_names_it()
    {
        var content = Directory.CreateTempSubdirectory("jumysbot-content").FullName;
        await File.WriteAllTextAsync(Path.Combine(content, "strings.ru.yaml"), "start:\n  greeting: Привет\n");
        await File.WriteAllTextAsync(Path.Combine(content, "strings.kk.yaml"), "start:\n  other: Сәлем\n");
        using var app = AppProcess.Start(new Dictionary<string, string>
        {
            ["Bot__ContentPath"] = content,
            ["Storage__Path"] = TempDatabase.NewPath(),
        });
        app.CloseInput();

        Assert.Equal(1, await app.WaitForExitAsync());
        Assert.Contains("'start.greeting' is missing in strings.kk.yaml", app.Errors);
        Assert.DoesNotContain("   at ", app.Errors);
    }
}
