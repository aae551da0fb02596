using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace JumysBot.Benchmarks;

/// <summary>The measured scenarios; each starts a fresh fake, a fresh database and the bot process.</summary>
internal static partial class Scenarios
{
    /// <summary>Telegram's sending limits set far above what the machine can send: the bot, not the limiter, is measured.</summary>
    public static readonly IReadOnlyDictionary<string, string> UnlimitedSending = new Dictionary<string, string>()
    {
        ["Telegram__GlobalMessagesPerSecond"] = "100000",
        ["Telegram__PrivateChatMessagesPerSecond"] = "100",
        ["Telegram__PrivateChatBurst"] = "100",
    };

    public static async Task<Result> StartAsync(string dll)
    {
        await using var api = await LoadBotApi.StartAsync();
        var times = new List<double>();
        for (var run = 0; run < 3; run++)
        {
            api.FirstGetUpdatesAt = 0;
            using var bot = BotProcess.Start(dll, api.BaseUrl, NewDatabase());
            while (Interlocked.Read(ref api.FirstGetUpdatesAt) == 0)
            {
                await Task.Delay(5);
            }

            times.Add(Stopwatch.GetElapsedTime(bot.StartedAt, api.FirstGetUpdatesAt).TotalMilliseconds);
        }

        return new Result("start", [("time from process start to the first getUpdates (best of 3, cold database)", $"{times.Min():0} ms"), ("worst of 3", $"{times.Max():0} ms")]);
    }

    /// <summary>
    /// Every person runs <see cref="Rounds"/> whole flows, each as a new person. Before them, unmeasured rounds let the
    /// bot's hot code reach the JIT's optimised tier (<see cref="WarmUpJitAsync"/>), as in a bot that has run a while.
    /// </summary>
    /// <param name="offeredPerSecond">Null: every person sends as soon as answered (saturation); else each person starts a
    /// flow on a fixed schedule so that about this many updates a second are offered.</param>
    public static async Task<Result> SustainedAsync(string dll, string name, int people, string? database = null, string durability = "Full", double? offeredPerSecond = null)
    {
        await using var api = await LoadBotApi.StartAsync();
        database ??= NewDatabase();
        using var bot = BotProcess.Start(dll, api.BaseUrl, database, new Dictionary<string, string>(UnlimitedSending) { ["Storage__Durability"] = durability });
        await WarmUpAsync(api);
        await WarmUpJitAsync(api, bot, people);

        var before = await bot.MetricsAsync();
        var cpuBefore = bot.CpuTimes();
        var flowEvery = offeredPerSecond is { } rate ? TimeSpan.FromSeconds(people * VirtualPerson.WholeFlowUpdates / rate) : (TimeSpan?)null;
        var started = Stopwatch.GetTimestamp();
        var persons = await RunRoundsAsync(api, people, Rounds, firstId: 1_000_000, flowEvery);
        var updates = persons.Sum(p => p.Updates);
        // The clock stops when the bot has handled every update sent, not only when every person saw a reply.
        var expected = BotProcess.Metric(before, "jumysbot_updates_handled_total") + updates;
        var after = await bot.MetricsAsync();
        for (var waited = Stopwatch.StartNew(); BotProcess.Metric(after, "jumysbot_updates_handled_total") < expected; after = await bot.MetricsAsync())
        {
            if (waited.Elapsed > TimeSpan.FromSeconds(60))
            {
                throw new TimeoutException($"{name}: the bot had handled {BotProcess.Metric(after, "jumysbot_updates_handled_total")} of {expected} updates a minute after the last reply.");
            }

            await Task.Delay(5);
        }

        var elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var cpuAfter = bot.CpuTimes();
        var handledInRounds = BotProcess.Metric(after, "jumysbot_updates_handled_total") - BotProcess.Metric(before, "jumysbot_updates_handled_total");
        var userPerUpdate = (cpuAfter.User - cpuBefore.User).TotalMicroseconds / Math.Max(1, handledInRounds);
        var systemPerUpdate = (cpuAfter.System - cpuBefore.System).TotalMicroseconds / Math.Max(1, handledInRounds);

        var latencies = persons.SelectMany(p => p.Latencies).Order().ToList();
        var handled = BotProcess.Metric(after, "jumysbot_handler_duration_ms_count") - BotProcess.Metric(before, "jumysbot_handler_duration_ms_count");
        var handlerMs = (BotProcess.Metric(after, "jumysbot_handler_duration_ms_sum") - BotProcess.Metric(before, "jumysbot_handler_duration_ms_sum")) / Math.Max(1, handled);
        var histogram = Difference(BotProcess.Histogram(after, "jumysbot_handler_duration_ms"), BotProcess.Histogram(before, "jumysbot_handler_duration_ms"));
        return new Result(name,
        [
            ("virtual people at once, each running whole flows ending in a request", people.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("updates handled in the measured rounds (after the unmeasured warm-up)", updates.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("updates handled per second", $"{updates / elapsed:0}"),
            ("update → first reply p50", $"{Percentile(latencies, 0.50):0.0} ms"),
            ("update → first reply p95", $"{Percentile(latencies, 0.95):0.0} ms"),
            ("update → first reply p99", $"{Percentile(latencies, 0.99):0.0} ms"),
            ("mean handling time, queueing for the write included (from the bot's /metrics)", $"{handlerMs:0.00} ms"),
            ("handling time p99 at most (the bot's histogram bucket)", HistogramPercentile(histogram, 0.99)),
            ("updates handled within 5 ms (the bot's histogram)", HistogramShareWithin(histogram, 5)),
            ("methods the JIT compiled during the measured rounds, and its time", $"{BotProcess.Metric(after, "jumysbot_jit_compiled_methods") - BotProcess.Metric(before, "jumysbot_jit_compiled_methods"):0}, {BotProcess.Metric(after, "jumysbot_jit_time_seconds") - BotProcess.Metric(before, "jumysbot_jit_time_seconds"):0.00} s"),
            ("processor time of the bot per update handled, user + system (/proc, measured rounds)", $"{userPerUpdate + systemPerUpdate:0} µs ({userPerUpdate:0} + {systemPerUpdate:0})"),
            ("peak working set of the bot", $"{bot.PeakWorkingSetMb():0} MB"),
            ("database size after the run", $"{DatabaseSizeMb(database):0.0} MB"),
        ]);
    }

    /// <summary>
    /// Unmeasured rounds until the JIT is nearly done: tiered compilation first compiles quickly, then recompiles hot
    /// methods optimised in the background, which takes thousands of methods and several seconds of processor time.
    /// </summary>
    private static async Task WarmUpJitAsync(LoadBotApi api, BotProcess bot, int people)
    {
        var compiled = BotProcess.Metric(await bot.MetricsAsync(), "jumysbot_jit_compiled_methods");
        for (var round = 0; round < 6; round++)
        {
            await RunRoundsAsync(api, people, rounds: 1, firstId: 4_000_000 + (round * 100_000), flowEvery: null);
            await Task.Delay(TimeSpan.FromSeconds(1));
            var now = BotProcess.Metric(await bot.MetricsAsync(), "jumysbot_jit_compiled_methods");
            Console.WriteLine($"  warm-up round {round + 1}: {now - compiled:0} methods compiled");
            if (now - compiled < 100)
            {
                return;
            }

            compiled = now;
        }
    }

    /// <summary>Measured whole flows per virtual person in the sustained scenarios.</summary>
    public static int Rounds { get; set; } = 3;

    /// <summary>
    /// Each of <paramref name="people"/> slots runs <paramref name="rounds"/> whole flows, each as a new person; paced slots
    /// start a flow every <paramref name="flowEvery"/>, staggered so that the starts spread evenly.
    /// </summary>
    public static async Task<List<VirtualPerson>> RunRoundsAsync(LoadBotApi api, int people, int rounds, long firstId, TimeSpan? flowEvery)
    {
        var clock = Stopwatch.StartNew();
        var slots = Enumerable.Range(0, people).Select(slot => Task.Run(async () =>
        {
            var ran = new List<VirtualPerson>(rounds);
            for (var round = 0; round < rounds; round++)
            {
                if (flowEvery is { } every && every * (round + (double)slot / people) - clock.Elapsed is { Ticks: > 0 } wait)
                {
                    await Task.Delay(wait);
                }

                var person = new VirtualPerson(api, firstId + (round * 100_000) + slot);
                await person.RunWholeFlowAsync();
                api.Forget(person.Id);
                ran.Add(person);
            }

            return ran;
        }));
        return [.. (await Task.WhenAll(slots)).SelectMany(ran => ran)];
    }

    private static List<(double UpperBound, double Count)> Difference(IReadOnlyList<(double UpperBound, double Count)> after, IReadOnlyList<(double UpperBound, double Count)> before) =>
        [.. after.Select(a => (a.UpperBound, a.Count - before.Where(b => b.UpperBound == a.UpperBound).Select(b => b.Count).DefaultIfEmpty(0).Sum()))];

    public static async Task<Result> ScaleAsync(string dll, int people)
    {
        var database = NewDatabase();
        await using (var api = await LoadBotApi.StartAsync())
        {
            // One start creates the schema; then the history of a busy year is written straight into the file.
            using var bot = BotProcess.Start(dll, api.BaseUrl, database);
            while (Interlocked.Read(ref api.FirstGetUpdatesAt) == 0)
            {
                await Task.Delay(10);
            }
        }

        Seed(database, people: 100_000, leads: 50_000);
        var result = await SustainedAsync(dll, "scale", people, database);
        return result with { Figures = [("already in the database", "100,000 people, 50,000 requests"), .. result.Figures] };
    }

    public static async Task<Result> BurstAsync(string dll, int people)
    {
        await using var api = await LoadBotApi.StartAsync();
        api.GlobalLimitPerSecond = 30;
        // Requests with no consultant chat for their point go to the administrators: a notice and the card, each at the
        // lower notification priority, one message a second per chat.
        var admins = Enumerable.Range(0, 20).Select(i => 900_000L + i).ToList();
        using var bot = BotProcess.Start(dll, api.BaseUrl, NewDatabase(), admins.Select((id, i) => (Key: $"Bot__AdminIds__{i}", Value: id.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToDictionary());
        await WarmUpAsync(api);

        // Requests registered just before the burst leave consultant notifications waiting in the outbox.
        var requesters = Enumerable.Range(0, 20).Select(i => new VirtualPerson(api, 3_000_000 + i)).ToList();
        await Task.WhenAll(requesters.Select(p => Task.Run(p.RunWholeFlowAsync)));
        var waiting = await bot.MetricAsync("jumysbot_outbox_backlog");

        var sentBefore = Interlocked.Read(ref api.Sent);
        var tooManyBefore = Interlocked.Read(ref api.TooManyRequests);
        var persons = Enumerable.Range(0, people).Select(i => new VirtualPerson(api, 2_000_000 + i)).ToList();
        var started = Stopwatch.GetTimestamp();
        var pacing = TimeSpan.FromSeconds(1.0 / people);
        var runs = new List<Task>();
        foreach (var person in persons)
        {
            runs.Add(Task.Run(person.StartOnlyAsync));
            await Task.Delay(pacing);
        }

        await Task.WhenAll(runs);
        var lastAnswered = Stopwatch.GetTimestamp();
        var elapsed = Stopwatch.GetElapsedTime(started, lastAnswered).TotalSeconds;
        var sent = Interlocked.Read(ref api.Sent) - sentBefore;
        var notificationsDuring = admins.Sum(id => api.Chat(id).CountBetween(started, lastAnswered));
        var replies = sent - notificationsDuring;
        return new Result("burst",
        [
            ("people pressing /start within one second", people.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("time until everyone got their first question", $"{elapsed:0.0} s"),
            ("messages sent in that time (all kinds)", sent.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("share of the 30 messages/s limit used", $"{sent / elapsed / 30:P0}"),
            ("429 answers received during the burst / while the requests before it were made", $"{Interlocked.Read(ref api.TooManyRequests) - tooManyBefore} / {tooManyBefore}"),
            ("consultant notifications waiting when the burst began (20 requests, 20 administrators, no consultant chats)", $"{waiting:0}"),
            ("of the messages sent until everyone was answered: replies to people / consultant notifications", $"{replies} / {notificationsDuring}"),
        ]);
    }

    private static async Task WarmUpAsync(LoadBotApi api)
    {
        var warm = new VirtualPerson(api, 999);
        await warm.StartOnlyAsync();
    }

    private static string NewDatabase()
    {
        var folder = Directory.CreateTempSubdirectory("jumysbot-bench").FullName;
        return Path.Combine(folder, "bench.db");
    }

    internal static double DatabaseSizeMb(string database) =>
        new[] { database, database + "-wal" }.Where(File.Exists).Sum(f => new FileInfo(f).Length) / 1024.0 / 1024.0;

    private static string HistogramPercentile(List<(double UpperBound, double Count)> buckets, double share)
    {
        var total = buckets.Count == 0 ? 0 : buckets[^1].Count;
        var bucket = buckets.FirstOrDefault(b => b.Count >= share * total);
        return total == 0 ? "no data" : double.IsPositiveInfinity(bucket.UpperBound) ? "over the largest bucket" : $"{bucket.UpperBound:0.#} ms";
    }

    private static string HistogramShareWithin(List<(double UpperBound, double Count)> buckets, double milliseconds)
    {
        var total = buckets.Count == 0 ? 0 : buckets[^1].Count;
        var within = buckets.Where(b => b.UpperBound <= milliseconds).Select(b => b.Count).DefaultIfEmpty(0).Max();
        return total == 0 ? "no data" : $"{within / total:P1}";
    }

    internal static double Percentile(List<double> sorted, double share) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(share * sorted.Count) - 1)];

    private static void Seed(string database, int people, int leads)
    {
        using var connection = new SqliteConnection($"Data Source={database}");
        connection.Open();
        using var tx = connection.BeginTransaction();
        using (var person = connection.CreateCommand())
        {
            person.Transaction = tx;
            person.CommandText = "INSERT INTO people (id, language, role, is_active, created_at, updated_at) VALUES ($id, 'ru', 'Other', 1, 0, 0)";
            var id = person.Parameters.Add("$id", SqliteType.Integer);
            for (var i = 0; i < people; i++)
            {
                id.Value = 5_000_000 + i;
                person.ExecuteNonQuery();
            }
        }

        using (var lead = connection.CreateCommand())
        {
            lead.Transaction = tx;
            lead.CommandText = """
                INSERT INTO leads (person_id, kind, measure_id, name, phone, contact_method, place_id, point_id, language, status, created_at, updated_at)
                VALUES ($person, 'Job', 'vacancies', 'Имя Фамилия', $phone, 'Call', 'karaganda', 'jumystap-karaganda', 'ru', $status, 0, 0)
                """;
            var person = lead.Parameters.Add("$person", SqliteType.Integer);
            var phone = lead.Parameters.Add("$phone", SqliteType.Text);
            var status = lead.Parameters.Add("$status", SqliteType.Text);
            for (var i = 0; i < leads; i++)
            {
                person.Value = 5_000_000 + (i * 2);
                phone.Value = "+7700" + i.ToString("0000000", System.Globalization.CultureInfo.InvariantCulture);
                status.Value = i % 3 == 0 ? "New" : "Done";
                lead.ExecuteNonQuery();
            }
        }

        tx.Commit();
    }
}

internal sealed record Result(string Scenario, IReadOnlyList<(string Figure, string Value)> Figures);
