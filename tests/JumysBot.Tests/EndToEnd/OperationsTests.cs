using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using JumysBot.Tests.FakeBotApi;
using JumysBot.Updates;
using Microsoft.Extensions.DependencyInjection;

namespace JumysBot.Tests.EndToEnd;

/// <summary>What an operator runs the bot with: webhook mode, health, readiness and metrics.</summary>
public sealed class OperationsTests
{
    private const string Secret = "s3cret-Token_1234567890";

    [Fact]
    public async Task In_webhook_mode_a_wrong_secret_is_refused_and_the_right_one_is_answered()
    {
        await using var api = await FakeBotApiServer.StartAsync();
        await using var bot = await BotUnderTest.StartAsync(api, settings: WebhookSettings());
        var registration = await api.WaitForCallAsync(c => c.Method == "setWebhook", "setWebhook");
        Assert.Equal("https://bot.example.kz/telegram/7f3a", registration.Body["url"]!.GetValue<string>());
        Assert.Equal(Secret, registration.Body["secret_token"]!.GetValue<string>());
        Assert.Contains("callback_query", registration.Body["allowed_updates"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Empty(api.CallsOf("deleteWebhook"));
        using var http = new HttpClient { BaseAddress = bot.BaseAddress };
        const string update = """{"update_id":501,"message":{"message_id":1,"date":0,"chat":{"id":42001,"type":"private"},"from":{"id":42001,"is_bot":false,"first_name":"A","language_code":"kk"},"text":"/start"}}""";

        var missing = await http.PostAsync(new Uri("/telegram/7f3a", UriKind.Relative), Json(update));
        var wrong = await PostAsync(http, update, "s3cret-Token_1234567891");
        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(0L, Database.Scalar(bot.DatabasePath, "SELECT COUNT(*) FROM inbox"));

        var right = await PostAsync(http, update, Secret);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Equal(1L, Database.Scalar(bot.DatabasePath, "SELECT COUNT(*) FROM inbox WHERE update_id = 501"));
        Assert.Contains("Сәлеметсіз бе", (await new TelegramPerson(api, 42001, "kk").ReadsAsync()).Text);

        // Telegram retries: the same update again is stored once and answered once.
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(http, update, Secret)).StatusCode);
        Assert.Equal(1L, Database.Scalar(bot.DatabasePath, "SELECT COUNT(*) FROM inbox"));
    }

    [Fact]
    public async Task Updates_arriving_at_once_are_stored_together_and_one_arriving_twice_at_once_is_answered_once()
    {
        await using var api = await FakeBotApiServer.StartAsync();
        await using var bot = await BotUnderTest.StartAsync(api, settings: WebhookSettings());
        await api.WaitForCallAsync(c => c.Method == "setWebhook", "setWebhook");
        var inbox = bot.Services.GetRequiredService<InboxWriter>();
        var people = Enumerable.Range(0, 40).Select(i => 43000L + i).ToList();
        static ReceivedUpdate Update(long chat) => UpdateReader.Read(chat, $$$"""
            {"update_id":{{{chat}}},"message":{"message_id":1,"date":0,"chat":{"id":{{{chat}}},"type":"private"},"from":{"id":{{{chat}}},"is_bot":false,"first_name":"A","language_code":"ru"},"text":"/start"}}
            """);
        // Another process holds the database a moment, so that the updates meet there, as webhook posts do under load.
        // Telegram may deliver an update again before the first delivery is answered: each comes twice, all at once.
        await using var intruder = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={bot.DatabasePath};Pooling=False");
        await intruder.OpenAsync();
        await using (var hold = intruder.CreateCommand())
        {
            hold.CommandText = "BEGIN EXCLUSIVE";
            await hold.ExecuteNonQueryAsync();
        }

        var accepting = people.Concat(people).Select(chat => inbox.AcceptAsync([Update(chat)], CancellationToken.None)).ToList();
        await Task.Delay(200);
        await using (var release = intruder.CreateCommand())
        {
            release.CommandText = "ROLLBACK";
            await release.ExecuteNonQueryAsync();
        }

        Assert.Equal(40, (await Task.WhenAll(accepting)).Sum());
        Assert.Equal(40L, Database.Scalar(bot.DatabasePath, "SELECT COUNT(*) FROM inbox"));
        // The first waited for the database alone; all that came meanwhile went in the next transaction.
        using var http = new HttpClient { BaseAddress = bot.BaseAddress };
        Assert.InRange(Metric(await http.GetStringAsync(new Uri("/metrics", UriKind.Relative)), "jumysbot_inbox_transactions_total"), 1, 2);
        await api.WaitUntilAsync(() => people.All(chat => api.CallsTo(chat).Any(c => c.Method == "sendMessage")), "everyone is greeted");
        await Task.Delay(300);
        Assert.All(people, chat => Assert.Single(api.CallsTo(chat), c => c.Method == "sendMessage"));
    }

    [Fact]
    public async Task The_webhook_refuses_a_body_over_a_megabyte_and_a_body_that_is_not_json_and_reads_an_unreadable_update_as_polling_does()
    {
        await using var api = await FakeBotApiServer.StartAsync();
        await using var bot = await BotUnderTest.StartAsync(api, settings: WebhookSettings());
        using var http = new HttpClient { BaseAddress = bot.BaseAddress };
        var huge = """{"update_id":601,"message":{"message_id":1,"date":0,"chat":{"id":42002,"type":"private"},"text":"TEXT"}}"""
            .Replace("TEXT", new string('ж', 600_000), StringComparison.Ordinal);
        using var form = new StringContent("update_id=602", System.Text.Encoding.UTF8, "application/x-www-form-urlencoded");
        using var formRequest = new HttpRequestMessage(HttpMethod.Post, new Uri("/telegram/7f3a", UriKind.Relative)) { Content = form };
        formRequest.Headers.Add("X-Telegram-Bot-Api-Secret-Token", Secret);
        using var chunked = new HttpRequestMessage(HttpMethod.Post, new Uri("/telegram/7f3a", UriKind.Relative))
        {
            // No Content-Length: the limit holds while the body is read.
            Content = new StreamContent(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(huge))) { Headers = { ContentType = new("application/json") } },
        };
        chunked.Headers.Add("X-Telegram-Bot-Api-Secret-Token", Secret);
        chunked.Headers.TransferEncodingChunked = true;

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await PostAsync(http, huge, Secret)).StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await http.SendAsync(chunked)).StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await http.SendAsync(formRequest)).StatusCode);
        Assert.Equal(0L, Database.Scalar(bot.DatabasePath, "SELECT COUNT(*) FROM inbox"));

        const string unreadable = """{"update_id":603,"message":{"message_id":"one","date":0,"chat":{"id":42002,"type":"private"}}}""";
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(http, unreadable, Secret)).StatusCode);
        Assert.Equal(1L, Database.Scalar(bot.DatabasePath, "SELECT COUNT(*) FROM inbox WHERE update_id = 603 AND handled_at IS NOT NULL AND payload IS NOT NULL"));
    }

    [Fact]
    public async Task With_metrics_urls_the_figures_answer_only_there_and_not_beside_the_webhook()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var metricsPort = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        await using var api = await FakeBotApiServer.StartAsync();
        await using var bot = await BotUnderTest.StartAsync(api, settings: new Dictionary<string, string?> { ["Bot:MetricsUrls"] = $"http://127.0.0.1:{metricsPort}" });
        var main = bot.App.Urls.Select(u => new Uri(u)).Single(u => u.Port != metricsPort);
        using var http = new HttpClient();

        var beside = await http.GetAsync(new Uri(main, "/metrics"));
        var forged = new HttpRequestMessage(HttpMethod.Get, new Uri(main, "/metrics")) { Headers = { Host = $"127.0.0.1:{metricsPort}" } };
        var apart = await http.GetStringAsync(new Uri($"http://127.0.0.1:{metricsPort}/metrics"));

        Assert.Equal(HttpStatusCode.NotFound, beside.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.SendAsync(forged)).StatusCode);
        Assert.Contains("jumysbot_outbox_backlog", apart, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri(main, "/healthz"))).StatusCode);
    }

    /// <param name="webhook">
    /// In webhook mode the database being down is degraded, not unready: a balancer keeps the instance, and whoever writes
    /// hears why nothing happens (Fleet/PostgresOutageProcessTests sees the apologies). Polling alone says 503.
    /// </param>
    [Theory]
    [InlineData(false, HttpStatusCode.ServiceUnavailable)]
    [InlineData(true, HttpStatusCode.OK)]
    public async Task Health_is_alive_and_readiness_names_an_unreachable_database(bool webhook, HttpStatusCode readiness)
    {
        await using var api = await FakeBotApiServer.StartAsync();
        await using var bot = await BotUnderTest.StartAsync(api, settings: webhook ? WebhookSettings() : null);
        using var http = new HttpClient { BaseAddress = bot.BaseAddress };
        Assert.Equal("ok", await http.GetStringAsync(new Uri("/healthz", UriKind.Relative)));
        await api.WaitForCallAsync(_ => http.GetAsync(new Uri("/readyz", UriKind.Relative)).Result.StatusCode == HttpStatusCode.OK, "ready");

        // The database folder disappears and a file takes its place: nothing can be opened there any more.
        var folder = Path.GetDirectoryName(bot.DatabasePath)!;
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
        await File.WriteAllTextAsync(folder, "not a folder");

        var response = await http.GetAsync(new Uri("/readyz", UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == readiness, $"{response.StatusCode}: {body}");
        Assert.Contains("\"database\":\"unreachable\"", body, StringComparison.Ordinal);
        Assert.Equal("ok", await http.GetStringAsync(new Uri("/healthz", UriKind.Relative)));
        File.Delete(folder);
    }

    [Fact]
    public async Task Metrics_count_updates_sends_and_leads_in_prometheus_text()
    {
        await using var api = await FakeBotApiServer.StartAsync();
        await using var bot = await BotUnderTest.StartAsync(api);
        var person = new TelegramPerson(api, 42002, "ru", firstName: "Жанна");
        await LeadScript.RequestJobCoachAsync(person, place: "Балхаш");
        using var http = new HttpClient { BaseAddress = bot.BaseAddress };

        var metrics = await http.GetStringAsync(new Uri("/metrics", UriKind.Relative));

        // The names dashboards and the benchmark read; a series without labels may carry an empty label set.
        Assert.Contains("# TYPE jumysbot_updates_handled_total counter", metrics);
        Assert.Matches(@"jumysbot_updates_received_total(\{\})? [1-9]\d*", metrics);
        Assert.Matches(@"jumysbot_updates_handled_total(\{\})? [1-9]\d*", metrics);
        Assert.Contains("# TYPE jumysbot_handler_duration_ms histogram", metrics);
        Assert.Equal(
            ["0.5", "1", "2", "3", "4", "5", "10", "25", "50", "100", "250", "1000", "+Inf"],
            Regex.Matches(metrics, @"^jumysbot_handler_duration_ms_bucket\{le=""([^""]+)""\} \d+$", RegexOptions.Multiline).Select(m => m.Groups[1].Value));
        Assert.Matches(@"jumysbot_handler_duration_ms_count(\{\})? [1-9]\d*", metrics);
        Assert.Matches(@"jumysbot_handler_duration_ms_sum(\{\})? [0-9.]+", metrics);
        Assert.Matches(@"jumysbot_sends_total\{result=""ok""\} \d+", metrics);
        Assert.Contains("jumysbot_leads_created_total{kind=\"JobCoach\",point=\"career-balkhash\"} 1", metrics);
        Assert.Matches(@"jumysbot_outbox_backlog(\{\})? \d+", metrics);
        Assert.Matches(@"jumysbot_outbox_oldest_age_seconds(\{\})? [0-9.]+", metrics);
        Assert.Matches(@"jumysbot_gc_heap_bytes(\{\})? [1-9]\d*", metrics);
        Assert.Matches(@"jumysbot_sqlite_memory_bytes(\{\})? [1-9]\d*", metrics);
        Assert.Matches(@"jumysbot_gc_committed_bytes(\{\})? [1-9]\d*", metrics);
        Assert.Matches(@"jumysbot_jit_time_seconds(\{\})? [0-9.]+", metrics);
        Assert.Matches(@"jumysbot_jit_compiled_methods(\{\})? [1-9]\d*", metrics);
        Assert.DoesNotContain("_milliseconds", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_bots_in_one_process_each_count_only_their_own_updates()
    {
        await using var api = await FakeBotApiServer.StartAsync();
        await using var quiet = await BotUnderTest.StartAsync(api);
        await using var otherApi = await FakeBotApiServer.StartAsync();
        await using var busy = await BotUnderTest.StartAsync(otherApi);
        await LeadScript.RequestJobCoachAsync(new TelegramPerson(otherApi, 42003, "ru", firstName: "Айгуль"), place: "Балхаш");
        using var http = new HttpClient { BaseAddress = quiet.BaseAddress };

        var metrics = await http.GetStringAsync(new Uri("/metrics", UriKind.Relative));

        Assert.DoesNotContain("jumysbot_leads_created_total{", metrics, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"jumysbot_updates_handled_total(\{\})? [1-9]", metrics);
    }

    [Fact]
    public async Task The_commands_menu_is_set_per_language_and_consultant_commands_only_in_consultant_chats()
    {
        await using var api = await FakeBotApiServer.StartAsync();
        await using var bot = await BotUnderTest.StartAsync(api, settings: new Dictionary<string, string?>
        {
            ["Consultants:0:ChatId"] = "-100970",
            ["Consultants:0:PointId"] = "career-nura",
        });

        var kazakh = await api.WaitForCallAsync(c => c.Method == "setMyCommands" && c.Body["language_code"]?.GetValue<string>() == "kk", "the Kazakh menu");
        var consultants = await api.WaitForCallAsync(c => c.Method == "setMyCommands" && c.Body["scope"]?["type"]?.GetValue<string>() == "chat", "the consultants' menu");

        Assert.Equal("all_private_chats", kazakh.Body["scope"]!["type"]!.GetValue<string>());
        Assert.Contains("Деректерімді өшіру", kazakh.Body["commands"]!.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }), StringComparison.Ordinal);
        Assert.DoesNotContain("\"leads\"", kazakh.Body["commands"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(-100970, consultants.Body["scope"]!["chat_id"]!.GetValue<long>());
        Assert.Contains("\"leads\"", consultants.Body["commands"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains(api.CallsOf("setMyCommands"), c => c.Body["language_code"]?.GetValue<string>() == "ru");
    }

    private static Dictionary<string, string?> WebhookSettings() => new()
    {
        ["Telegram:Mode"] = "Webhook",
        ["Telegram:WebhookUrl"] = "https://bot.example.kz/telegram/7f3a",
        ["Telegram:WebhookSecret"] = Secret,
    };

    private static double Metric(string metrics, string name) =>
        double.Parse(Regex.Match(metrics, $@"^{name}(\{{\}})? ([0-9.]+)$", RegexOptions.Multiline).Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture);

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static async Task<HttpResponseMessage> PostAsync(HttpClient http, string body, string secret)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/telegram/7f3a", UriKind.Relative)) { Content = Json(body) };
        request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", secret);
        return await http.SendAsync(request);
    }
}
