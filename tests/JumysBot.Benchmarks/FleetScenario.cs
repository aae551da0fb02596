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

    /// <param name="offeredPerSecond">Null: every person sends as soon as answered (saturation); else each person starts
    /// their flow on a schedule so that about this many updates a second are offered, as the SQLite half load does.</param>
    public static async Task<Result> RunAsync(string dll, string server, int instances, int people, double? offeredPerSecond = null)
    {
        var name = $"jumysbot_bench_{Guid.NewGuid():N}";
        await ExecuteAsync(server, $"CREATE DATABASE {name}");
        try
        {
            return await MeasureAsync(dll, server, name, instances, people, offeredPerSecond);
        }
        finally
        {
            await ExecuteAsync(server, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
        }
    }

    private static async Task<Result> MeasureAsync(string dll, string server, string database, int instances, int people, double? offeredPerSecond)
    {
        var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString;
        var postgres = new PostgresServer(server);
        var postmaster = await postgres.PostmasterPidAsync();
        await using var api = await LoadBotApi.StartAsync();
        var folder = Directory.CreateTempSubdirectory("jumysbot-bench").FullName;
        var settings = new Dictionary<string, string>
        {
            ["Storage__Provider"] = "Postgres",
            ["Storage__ConnectionString"] = connectionString,
            ["Telegram__Mode"] = "Webhook",
            ["Telegram__WebhookUrl"] = "https://bot.example.kz/telegram/hook",
            ["Telegram__WebhookSecret"] = Secret,
        };
        foreach (var (key, value) in Scenarios.UnlimitedSending)
        {
            settings[key] = value;
        }

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
            await WarmUpAsync(api, bots, people);
            await postgres.ResetStatementsAsync();
            var metricsBefore = await Task.WhenAll(bots.Select(b => b.MetricsAsync()));
            var botCpuBefore = bots.Select(b => b.ProcessorTime()).ToList();
            var serverCpuBefore = PostgresServer.ProcessorTime(postmaster);
            var harnessCpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var statementsBefore = await postgres.StatementsAsync(database);
            var flowEvery = offeredPerSecond is { } rate ? TimeSpan.FromSeconds(people * VirtualPerson.WholeFlowUpdates / rate) : (TimeSpan?)null;
            var started = Stopwatch.GetTimestamp();
            var persons = await Scenarios.RunRoundsAsync(api, people, rounds: 1, firstId: 3_000_000, flowEvery);
            var elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds;
            var harnessCpu = (Process.GetCurrentProcess().TotalProcessorTime - harnessCpuBefore).TotalMicroseconds;
            // The cards and the last replies' marks are written a moment later: wait for the outbox to settle.
            await Task.Delay(1500);
            var botCpu = bots.Select((b, i) => (b.ProcessorTime() - botCpuBefore[i]).TotalMicroseconds).Sum();
            var serverCpu = PostgresServer.ProcessorTime(postmaster) - serverCpuBefore;
            var statements = await postgres.StatementsAsync(database) - statementsBefore;
            var latencies = persons.SelectMany(p => p.Latencies).Order().ToList();
            var updates = persons.Sum(p => p.Updates);
            double sum = 0, count = 0, lockWait = 0, lockWaits = 0, conflicts = 0, takenOver = 0, sends = 0;
            // The measured round only: the warm-up's counts are taken off.
            for (var i = 0; i < bots.Count; i++)
            {
                var metrics = await bots[i].MetricsAsync();
                double Measured(string name) => BotProcess.Metric(metrics, name) - BotProcess.Metric(metricsBefore[i], name);
                sum += Measured("jumysbot_handler_duration_ms_sum");
                count += Measured("jumysbot_handler_duration_ms_count");
                lockWait += Measured("jumysbot_chat_lock_wait_ms_sum");
                lockWaits += Measured("jumysbot_chat_lock_wait_ms_count");
                conflicts += Measured("jumysbot_outbox_claim_conflicts_total");
                takenOver += Measured("jumysbot_taken_over_total");
                sends += Measured("jumysbot_sends_total");
            }

            foreach (var (calls, query) in await postgres.TopStatementsAsync(database, 25))
            {
                Console.WriteLine($"  {calls / (double)updates,6:0.00}/update  {query.ReplaceLineEndings(" ")[..Math.Min(110, query.ReplaceLineEndings(" ").Length)]}");
            }

            var offered = offeredPerSecond is { } offer ? $", about {offer:0} updates/s offered" : "";
            var allCpu = botCpu + (serverCpu?.TotalMicroseconds ?? 0) + harnessCpu;
            return new Result($"PostgreSQL, webhook mode, {instances} instance{(instances == 1 ? "" : "s")}{(instances > 1 ? " behind a round-robin balancer" : "")}{offered}",
            [
                ("virtual people at once, each a whole flow ending in a request", people.ToString(CultureInfo.InvariantCulture)),
                ("updates handled", updates.ToString(CultureInfo.InvariantCulture)),
                ("updates handled per second", $"{updates / elapsed:0}"),
                ("update → first reply p50", $"{Percentile(latencies, 0.50):0.0} ms"),
                ("update → first reply p95", $"{Percentile(latencies, 0.95):0.0} ms"),
                ("update → first reply p99", $"{Percentile(latencies, 0.99):0.0} ms"),
                ("mean time inside the handler's transaction (from the bots' /metrics)", $"{sum / Math.Max(1, count):0.00} ms"),
                ("processor time of the bots per update, user + system, all instances", $"{botCpu / updates:0} µs"),
                ("processor time of PostgreSQL per update (its processes, from /proc)", serverCpu is { } pg ? $"{pg.TotalMicroseconds / updates:0} µs" : "not on this machine"),
                ("processor time of the load generator, the fake Telegram and the balancer per update (this process)", $"{harnessCpu / updates:0} µs"),
                ($"the most updates/s the {Environment.ProcessorCount} cores allow at that processor time (all of it, per update)", $"{Environment.ProcessorCount * 1_000_000 / (allCpu / updates):0}"),
                ("statements PostgreSQL ran per update, BEGIN/COMMIT included (pg_stat_statements)", statements is { } n ? $"{n / (double)updates:0.0}" : "pg_stat_statements not loaded"),
                ("coordination: mean wait for the chats' locks per write transaction", $"{lockWait / Math.Max(1, lockWaits):0.00} ms over {lockWaits:0} transactions"),
                ("coordination: claims that left a chat to another instance, per update", $"{conflicts / updates:0.000}"),
                ("coordination: updates and messages taken over from a dead instance", $"{takenOver:0}"),
                ("messages sent (replies and cards)", $"{sends:0}"),
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

    /// <summary>
    /// Unmeasured rounds of whole flows, each person a new one, until the bots' JIT has nearly finished (fewer than a
    /// hundred methods compiled in a round), as the SQLite scenarios do: otherwise the measured round pays for tiered
    /// compilation's recompiling of the hot code, which a bot that has run a while does not.
    /// </summary>
    private static async Task WarmUpAsync(LoadBotApi api, List<BotProcess> bots, int people)
    {
        async Task<double> CompiledAsync() => (await Task.WhenAll(bots.Select(b => b.MetricsAsync()))).Sum(m => BotProcess.Metric(m, "jumysbot_jit_compiled_methods"));
        var compiled = await CompiledAsync();
        for (var round = 0; round < 6; round++)
        {
            var persons = Enumerable.Range(0, people).Select(i => new VirtualPerson(api, 5_000_000 + (round * 100_000) + i)).ToList();
            await Task.WhenAll(persons.Select(p => Task.Run(async () =>
            {
                await p.RunWholeFlowAsync();
                api.Forget(p.Id);
            })));
            await Task.Delay(TimeSpan.FromSeconds(1));
            var now = await CompiledAsync();
            Console.WriteLine($"  warm-up round {round + 1}: {now - compiled:0} methods compiled");
            if (now - compiled < 100 * bots.Count)
            {
                return;
            }

            compiled = now;
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
