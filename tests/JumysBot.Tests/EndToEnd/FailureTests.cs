using JumysBot.Conversations;
using JumysBot.Localization;
using JumysBot.Tests.FakeBotApi;
using JumysBot.Updates;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace JumysBot.Tests.EndToEnd;

/// <summary>Handlers that throw, Telegram refusing or throttling, restarts: the person still gets answers, nothing twice.</summary>
public sealed class FailureTests : IAsyncLifetime
{
    private FakeBotApiServer _api = null!;

    public async Task InitializeAsync() => _api = await FakeBotApiServer.StartAsync();

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task A_handler_that_throws_costs_one_apology_and_the_next_update_is_handled()
    {
        await using var bot = await BotUnderTest.StartAsync(_api, configureServices: services =>
            services.Decorate<IConversationHandler>(inner => new ThrowingOn("boom", inner)));
        var person = new TelegramPerson(_api, 6001, "ru");

        person.Sends("boom");
        var apology = await person.ReadsAsync();
        Assert.Contains("Извините, у меня что-то пошло не так", apology.Text);
        Assert.DoesNotContain("Exception", apology.Text, StringComparison.Ordinal);

        person.Sends("/start");
        Assert.Contains("Здравствуйте", (await person.ReadsAsync()).Text);
    }

    [Fact]
    public async Task A_throttled_send_waits_for_retry_after_and_is_delivered_once()
    {
        await using var bot = await BotUnderTest.StartAsync(_api);
        _api.FailNext("sendMessage", 429, """{"ok":false,"error_code":429,"description":"Too Many Requests: retry after 1","parameters":{"retry_after":1}}""");
        var person = new TelegramPerson(_api, 6002, "kk");

        person.Sends("/help");

        var help = await person.ReadsAsync();
        Assert.Contains("Командалар", help.Text);
        var attempts = _api.CallsOf("sendMessage").Where(c => c.ChatId == person.Id).ToList();
        Assert.Equal(429, attempts[0].Status);
        Assert.Equal(attempts[0].Text, attempts[1].Text);
        // The greeting that follows the help comes after it, in the same message, and is sent once.
        Assert.True(help.Text!.IndexOf("Командалар", StringComparison.Ordinal) < help.Text.IndexOf("Сәлеметсіз бе", StringComparison.Ordinal), help.Text);
        Assert.Single(person.Received, m => m.Text == help.Text);
        Assert.Single(person.Received);
    }

    [Fact]
    public async Task Server_errors_are_retried_until_the_message_gets_through()
    {
        await using var bot = await BotUnderTest.StartAsync(_api);
        _api.FailNext("sendMessage", 502, "<html>Bad Gateway</html>", times: 2);
        var person = new TelegramPerson(_api, 6003, "ru");

        person.Sends("/start");

        Assert.Contains("Здравствуйте", (await person.ReadsAsync()).Text);
    }

    [Fact]
    public async Task A_person_who_blocked_the_bot_is_marked_inactive_and_gets_nothing_more()
    {
        await using var bot = await BotUnderTest.StartAsync(_api);
        _api.FailNext("sendMessage", 403, """{"ok":false,"error_code":403,"description":"Forbidden: bot was blocked by the user"}""");
        var person = new TelegramPerson(_api, 6004, "ru");

        person.Sends("/start");
        await _api.WaitForCallAsync(c => c.Method == "sendMessage" && c.Status == 403, "the refused send");
        var other = new TelegramPerson(_api, 6005, "ru");
        other.Sends("/start");
        await other.ReadsAsync();
        await Eventually.TrueAsync(() => IsActive(bot, person.Id) == false);

        Assert.Empty(person.Received);
        Assert.Equal(0L, Scalar(bot, $"SELECT COUNT(*) FROM outbox WHERE chat_id = {person.Id} AND sent_at IS NULL AND failed_at IS NULL"));
    }

    [Fact]
    public async Task After_a_restart_the_conversation_goes_on_where_it_stopped()
    {
        var database = TempDatabase.NewPath();
        var person = new TelegramPerson(_api, 6006, "ru");
        await using (var first = await BotUnderTest.StartAsync(_api, database))
        {
            person.Sends("/start");
            await person.ReadsUntilAsync("Расскажите, кто вы");
        }

        await using var second = await BotUnderTest.StartAsync(_api, database);
        person.Sends("Другое");

        await person.ReadsUntilAsync("Спасибо");
        await person.ReadsUntilAsync("Главное меню");
    }

    [Fact]
    public async Task An_update_stored_before_a_crash_is_handled_at_the_next_start()
    {
        var database = TempDatabase.NewPath();
        await using (var first = await BotUnderTest.StartAsync(_api, database))
        {
            await first.App.StopAsync();
        }

        // As if the process died right after writing the inbox row: stored, confirmed to Telegram, never handled.
        await using (var connection = new SqliteConnection($"Data Source={database}"))
        {
            await connection.OpenAsync();
            await using var insert = connection.CreateCommand();
            insert.CommandText = """
                INSERT INTO inbox (update_id, chat_id, payload, received_at) VALUES (77, 6007,
                '{"update_id":77,"message":{"message_id":1,"date":0,"chat":{"id":6007,"type":"private"},"from":{"id":6007,"is_bot":false,"first_name":"A","language_code":"kk"},"text":"/start"}}', 0)
                """;
            await insert.ExecuteNonQueryAsync();
        }

        await using var second = await BotUnderTest.StartAsync(_api, database);

        var person = new TelegramPerson(_api, 6007, "kk");
        Assert.Contains("Сәлеметсіз бе", (await person.ReadsAsync()).Text);
    }

    private static bool? IsActive(BotUnderTest bot, long personId) =>
        Scalar(bot, $"SELECT is_active FROM people WHERE id = {personId}") is long value ? value != 0 : null;

    private static object? Scalar(BotUnderTest bot, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={bot.DatabasePath}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    [Fact]
    public async Task An_update_the_store_keeps_refusing_while_it_takes_others_costs_one_apology_and_is_set_aside()
    {
        await using var bot = await BotUnderTest.StartAsync(_api, configureServices: services =>
            services.Decorate<IConversationHandler>(inner => new StoreRefusing("poison", inner)));
        var person = new TelegramPerson(_api, 6011, "ru");
        var other = new TelegramPerson(_api, 6012, "ru");

        var poison = person.Sends("poison");
        await person.ReadsUntilAsync("Извините");
        other.Sends("/start");
        await other.ReadsUntilAsync("Здравствуйте");
        person.Sends("/help");

        await person.ReadsUntilAsync("Я понимаю кнопки");
        Assert.Single(person.Received, m => m.Text!.Contains("Извините", StringComparison.Ordinal));
        // Set aside: counted as handled, its text kept for an operator until the delivery log's retention.
        var setAside = Database.Scalar(bot.DatabasePath, "SELECT payload FROM inbox WHERE update_id = @id AND handled_at IS NOT NULL", ("@id", poison));
        Assert.Contains("poison", Assert.IsType<string>(setAside), StringComparison.Ordinal);
    }

    /// <summary>The store refuses whatever this text leads to, every time, as a corrupt row or a broken constraint would.</summary>
    private sealed class StoreRefusing(string text, IConversationHandler inner) : IConversationHandler
    {
        public ValueTask<Turn> HandleAsync(Incoming input, Person person, ConversationState state, Language language, CancellationToken cancellationToken) =>
            input.Text == text
                ? throw new SqliteException("constraint failed, as a corrupt row would make it", 19)
                : inner.HandleAsync(input, person, state, language, cancellationToken);
    }

    private sealed class ThrowingOn(string text, IConversationHandler inner) : IConversationHandler
    {
        public ValueTask<Turn> HandleAsync(Incoming input, Person person, ConversationState state, Language language, CancellationToken cancellationToken) =>
            input.Text == text
                ? throw new InvalidOperationException("A handler bug, as tests provoke it.")
                : inner.HandleAsync(input, person, state, language, cancellationToken);
    }
}
