using System.Diagnostics;
using System.Globalization;
using JumysBot.Tests.Fleet;
using Npgsql;

namespace JumysBot.Benchmarks;

/// <summary>
/// Webhook mode on PostgreSQL: one instance, or several behind a round-robin balancer, with the same virtual people.
/// The fake Bot API posts each update to the balancer as Telegram would.
/// </summary>
internal static class FleetScenario
{
    private const string Secret = "bench-secret_0123456789";

    public static async Task<Result> RunAsync(string dll, string server, int instances, int people)
    {
        var name = $"jumysbot_bench_{Guid.NewGuid():N}";
        await ExecuteAsync(server, $"CREATE DATABASE {name}");
        try
        {
            return await MeasureAsync(dll, new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString, instances, people);
        }
        finally
        {
            await ExecuteAsync(server, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
        }
    }

    private static async Task<Result> MeasureAsync(string dll, string connectionString, int instances, int people)
    {
        await using var api = await LoadBotApi.StartAsync();
        var folder = Directory.CreateTempSubdirectory("jumysbot-bench").FullName;
        var settings = new Dictionary<string, string>
        {
            ["Storage__Provider"] = "Postgres",
            ["Storage__ConnectionString"] = connectionString,
            ["Telegram__Mode"] = "Webhook",
            ["Telegram__WebhookUrl"] = "https://bot.example.kz/telegram/hook",
            ["Telegram__WebhookSecret"] = Secret,
            ["Telegram__GlobalMessagesPerSecond"] = "1000",
            ["Telegram__PrivateChatMessagesPerSecond"] = "100",
            ["Telegram__PrivateChatBurst"] = "100",
        };
        var bots = new List<BotProcess>();
        foreach (var _ in Enumerable.Range(0, instances))
        {
            // One after another: the first migrates, the others find the schema in place.
            bots.Add(BotProcess.Start(dll, api.BaseUrl, Path.Combine(folder, "unused.db"), settings));
            await WaitUntilHealthyAsync(bots[^1]);
        }

        try
        {
            await using var balancer = await RoundRobinForwarder.StartAsync([.. bots.Select(b => b.Endpoints)]);
            api.PostToWebhook(new Uri(balancer.BaseAddress, "/telegram/hook"), Secret);
            await new VirtualPerson(api, 999).StartOnlyAsync();
            var persons = Enumerable.Range(0, people).Select(i => new VirtualPerson(api, 3_000_000 + i)).ToList();
            var started = Stopwatch.GetTimestamp();
            await Task.WhenAll(persons.Select(p => Task.Run(p.RunWholeFlowAsync)));
            var elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds;
            var latencies = persons.SelectMany(p => p.Latencies).Order().ToList();
            var updates = persons.Sum(p => p.Updates);
            double sum = 0, count = 0;
            foreach (var bot in bots)
            {
                sum += await bot.MetricAsync("jumysbot_handler_duration_ms_sum");
                count += await bot.MetricAsync("jumysbot_handler_duration_ms_count");
            }

            return new Result($"PostgreSQL, webhook mode, {instances} instance{(instances == 1 ? "" : "s")}{(instances > 1 ? " behind a round-robin balancer" : "")}",
            [
                ("virtual people at once, each a whole flow ending in a request", people.ToString(CultureInfo.InvariantCulture)),
                ("updates handled", updates.ToString(CultureInfo.InvariantCulture)),
                ("updates handled per second", $"{updates / elapsed:0}"),
                ("update → first reply p50", $"{Percentile(latencies, 0.50):0.0} ms"),
                ("update → first reply p95", $"{Percentile(latencies, 0.95):0.0} ms"),
                ("update → first reply p99", $"{Percentile(latencies, 0.99):0.0} ms"),
                ("mean time inside the handler's transaction (from the bots' /metrics)", $"{sum / Math.Max(1, count):0.00} ms"),
                ("peak working set, sum over the instances", $"{bots.Sum(b => b.PeakWorkingSetMb()):0} MB"),
            ]);
        }
        finally
        {
            foreach (var bot in bots)
            {
                bot.Dispose();
            }
        }
    }

    private static async Task WaitUntilHealthyAsync(BotProcess bot)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        for (var attempt = 0; attempt < 300; attempt++)
        {
            try
            {
                if ((await http.GetAsync(new Uri(bot.Endpoints, "/healthz"))).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        throw new InvalidOperationException("A bot instance did not start.");
    }

    private static async Task ExecuteAsync(string server, string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static double Percentile(List<double> sorted, double share) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(share * sorted.Count) - 1)];
}
