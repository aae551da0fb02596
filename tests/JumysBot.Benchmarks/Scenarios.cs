using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace JumysBot.Benchmarks;

/// <summary>The measured scenarios; each starts a fresh fake, a fresh database and the bot process.</summary>
internal static partial class Scenarios
{
    private static readonly Dictionary<string, string> _unlimitedSending = new()
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

    /// <param name="offeredPerSecond">Null: every person sends as soon as answered (saturation); else paced to about this rate.</param>
    public static async Task<Result> SustainedAsync(string dll, string name, int people, string? database = null, string durability = "Full", double? offeredPerSecond = null)
    {
        await using var api = await LoadBotApi.StartAsync();
        database ??= NewDatabase();
        using var bot = BotProcess.Start(dll, api.BaseUrl, database, new Dictionary<string, string>(_unlimitedSending) { ["Storage__Durability"] = durability });
        await WarmUpAsync(api);
        var think = offeredPerSecond is { } rate ? TimeSpan.FromSeconds(people / rate) : TimeSpan.Zero;
        var persons = Enumerable.Range(0, people).Select(i => new VirtualPerson(api, 1_000_000 + i) { ThinkTime = think }).ToList();
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(persons.Select(p => Task.Run(p.RunWholeFlowAsync)));
        var elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var latencies = persons.SelectMany(p => p.Latencies).Order().ToList();
        var updates = persons.Sum(p => p.Updates);
        var handlerMs = await bot.MetricAsync("jumysbot_handler_duration_ms_sum") / Math.Max(1, await bot.MetricAsync("jumysbot_handler_duration_ms_count"));
        return new Result(name,
        [
            ("virtual people at once, each a whole flow ending in a request", people.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("updates handled", updates.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("updates handled per second", $"{updates / elapsed:0}"),
            ("update → first reply p50", $"{Percentile(latencies, 0.50):0.0} ms"),
            ("update → first reply p95", $"{Percentile(latencies, 0.95):0.0} ms"),
            ("update → first reply p99", $"{Percentile(latencies, 0.99):0.0} ms"),
            ("mean handling time, queueing for the write included (from the bot's /metrics)", $"{handlerMs:0.00} ms"),
            ("handling time p99 at most (the bot's histogram bucket)", HistogramPercentile(await bot.HistogramAsync("jumysbot_handler_duration_ms"), 0.99)),
            ("updates handled within 5 ms (the bot's histogram)", HistogramShareWithin(await bot.HistogramAsync("jumysbot_handler_duration_ms"), 5)),
            ("peak working set of the bot", $"{bot.PeakWorkingSetMb():0} MB"),
            ("database size after the run", $"{DatabaseSizeMb(database):0.0} MB"),
        ]);
    }

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
        using var bot = BotProcess.Start(dll, api.BaseUrl, NewDatabase());
        await WarmUpAsync(api);
        var sentBefore = Interlocked.Read(ref api.Sent);
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
        var elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var sent = Interlocked.Read(ref api.Sent) - sentBefore;
        return new Result("burst",
        [
            ("people pressing /start within one second", people.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("time until everyone got their first question", $"{elapsed:0.0} s"),
            ("messages sent (greeting and question each)", sent.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("share of the 30 messages/s limit used", $"{sent / elapsed / 30:P0}"),
            ("429 answers received", Interlocked.Read(ref api.TooManyRequests).ToString(System.Globalization.CultureInfo.InvariantCulture)),
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

    private static string HistogramPercentile(IReadOnlyList<(double UpperBound, double Count)> buckets, double share)
    {
        var total = buckets.Count == 0 ? 0 : buckets[^1].Count;
        var bucket = buckets.FirstOrDefault(b => b.Count >= share * total);
        return total == 0 ? "no data" : double.IsPositiveInfinity(bucket.UpperBound) ? "over the largest bucket" : $"{bucket.UpperBound:0.#} ms";
    }

    private static string HistogramShareWithin(IReadOnlyList<(double UpperBound, double Count)> buckets, double milliseconds)
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
