using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace JumysBot.Benchmarks;

internal static partial class Scenarios
{
    /// <summary>
    /// A long run at a steady moderate load (not in CI): a fixed number of slots each start a new person's whole flow
    /// on a schedule, a finished person being replaced by the next, so that about <paramref name="ratePerSecond"/>
    /// updates a second are offered; the bot process is sampled at a fixed interval throughout.
    /// </summary>
    public static async Task<SoakResult> SoakAsync(string dll, int minutes, int ratePerSecond)
    {
        await using var api = await LoadBotApi.StartAsync();
        var database = NewDatabase();
        using var bot = BotProcess.Start(dll, api.BaseUrl, database, new Dictionary<string, string>(UnlimitedSending));
        await WarmUpAsync(api);

        // Short trial runs sample more often so that each window still holds several samples.
        var sampleEvery = TimeSpan.FromSeconds(Math.Min(30, minutes * 1.5));
        var count = (int)Math.Round(TimeSpan.FromMinutes(minutes) / sampleEvery);
        var slots = Math.Max(1, ratePerSecond / 5);
        var flowEvery = TimeSpan.FromSeconds(slots * (double)VirtualPerson.WholeFlowUpdates / ratePerSecond);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Soak: {minutes} min at {ratePerSecond} updates/s: {slots} slots, each starting a whole flow every {flowEvery.TotalSeconds:0.00} s; a sample every {sampleEvery.TotalSeconds:0} s."));

        var load = new SoakLoad(api, flowEvery);
        var clock = Stopwatch.StartNew();
        var sampler = new SoakSampler(bot, database, load, clock);
        var samples = new List<SoakSample> { await sampler.SampleAsync(0) };
        Console.WriteLine(samples[0].ToLine());
        using var stop = new CancellationTokenSource();
        var runs = Enumerable.Range(0, slots).Select(slot => Task.Run(() => load.RunSlotAsync(flowEvery * slot / slots, clock, stop.Token))).ToList();
        for (var i = 1; i <= count; i++)
        {
            var due = sampleEvery * i;
            if (due > clock.Elapsed)
            {
                await Task.Delay(due - clock.Elapsed);
            }

            samples.Add(await sampler.SampleAsync(due.TotalMinutes));
            Console.WriteLine(samples[^1].ToLine());
        }

        await stop.CancelAsync();
        await Task.WhenAll(runs);
        var stoppedAt = clock.Elapsed;
        await Task.Delay(TimeSpan.FromSeconds(10));
        var afterLoad = await sampler.SampleAsync((clock.Elapsed - stoppedAt).TotalMinutes);
        return new SoakResult(minutes, ratePerSecond, slots, flowEvery, sampleEvery, samples, afterLoad, bot.PeakWorkingSetMb(),
            load.Flows, load.Failures, load.Updates, load.AllLatencies());
    }
}

/// <summary>The soak's people: each slot runs one person's whole flow after another, on a fixed schedule.</summary>
internal sealed class SoakLoad(LoadBotApi api, TimeSpan flowEvery)
{
    private readonly Lock _gate = new();
    private readonly List<double> _interval = [];
    private readonly List<double> _all = [];

    // Soak people are 10,000,001 on: other scenarios use 999, 1,000,000+, 2,000,000+, 4,000,000+ and (seeded) 5,000,000+.
    private long _nextId = 10_000_000;
    private long _flows;
    private long _failures;
    private long _updates;

    public long Flows => Interlocked.Read(ref _flows);

    public long Failures => Interlocked.Read(ref _failures);

    public long Updates => Interlocked.Read(ref _updates);

    public async Task RunSlotAsync(TimeSpan first, Stopwatch clock, CancellationToken stop)
    {
        var next = first;
        while (!stop.IsCancellationRequested)
        {
            if (next > clock.Elapsed)
            {
                try
                {
                    await Task.Delay(next - clock.Elapsed, stop);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }

            var person = new VirtualPerson(api, Interlocked.Increment(ref _nextId));
            try
            {
                await person.RunWholeFlowAsync();
                Interlocked.Increment(ref _flows);
            }
            catch (TimeoutException)
            {
                Interlocked.Increment(ref _failures);
            }

            Interlocked.Add(ref _updates, person.Updates);
            lock (_gate)
            {
                _interval.AddRange(person.Latencies);
                _all.AddRange(person.Latencies);
            }

            api.Forget(person.Id);

            // A flow that overran its turn delays this slot's next person instead of bunching people up afterwards.
            next += flowEvery;
            if (next < clock.Elapsed)
            {
                next = clock.Elapsed;
            }
        }
    }

    /// <summary>The update-to-first-reply times of the flows that ended since the last call, sorted.</summary>
    public List<double> TakeInterval()
    {
        lock (_gate)
        {
            var taken = _interval.Order().ToList();
            _interval.Clear();
            return taken;
        }
    }

    public List<double> AllLatencies()
    {
        lock (_gate)
        {
            return [.. _all.Order()];
        }
    }
}

/// <summary>Reads the bot process from outside: /proc for memory, handles and threads, /metrics for the rest.</summary>
internal sealed class SoakSampler(BotProcess bot, string database, SoakLoad load, Stopwatch clock)
{
    private TimeSpan _lastAt;
    private TimeSpan _lastProcessorTime;
    private double _lastHandled;
    private double _lastHandlerSum;
    private double _lastHandlerCount;

    public async Task<SoakSample> SampleAsync(double minute)
    {
        // /proc first, so the connection of the metrics request is not among the handles counted.
        var workingSet = bot.WorkingSetMb();
        var privateMemory = bot.PrivateMemoryMb();
        var handles = bot.Handles();
        var threads = bot.Threads();
        var processorTime = bot.ProcessorTime();
        var at = clock.Elapsed;
        var metrics = await bot.MetricsAsync();
        var handled = BotProcess.Metric(metrics, "jumysbot_updates_handled_total");
        var handlerSum = BotProcess.Metric(metrics, "jumysbot_handler_duration_ms_sum");
        var handlerCount = BotProcess.Metric(metrics, "jumysbot_handler_duration_ms_count");
        // The first sample has no interval before it: its rates and times are left out.
        var seconds = _lastAt == TimeSpan.Zero ? double.NaN : (at - _lastAt).TotalSeconds;
        var sample = new SoakSample(
            minute,
            workingSet,
            privateMemory,
            handles,
            threads,
            BotProcess.Metric(metrics, "jumysbot_outbox_backlog"),
            (long)handled,
            (handled - _lastHandled) / seconds,
            Scenarios.Percentile(load.TakeInterval(), 0.99),
            handlerCount > _lastHandlerCount && !double.IsNaN(seconds) ? (handlerSum - _lastHandlerSum) / (handlerCount - _lastHandlerCount) : double.NaN,
            (processorTime - _lastProcessorTime).TotalSeconds / seconds * 100,
            Scenarios.DatabaseSizeMb(database),
            double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], CultureInfo.InvariantCulture),
            BotProcess.Metric(metrics, "jumysbot_gc_heap_bytes") / 1024 / 1024,
            BotProcess.Metric(metrics, "jumysbot_gc_committed_bytes") / 1024 / 1024,
            BotProcess.Metric(metrics, "jumysbot_sqlite_memory_bytes") / 1024 / 1024,
            (long)BotProcess.Metric(metrics, "jumysbot_jit_compiled_methods"));
        (_lastAt, _lastProcessorTime, _lastHandled, _lastHandlerSum, _lastHandlerCount) = (at, processorTime, handled, handlerSum, handlerCount);
        return sample;
    }
}

/// <summary>One look at the bot process; rates, p99 and handler time are over the interval since the previous sample.</summary>
internal sealed record SoakSample(
    double Minute,
    double WorkingSetMb,
    double PrivateMb,
    int Handles,
    int Threads,
    double Backlog,
    long Handled,
    double PerSecond,
    double P99Ms,
    double HandlerMs,
    double ProcessorPercent,
    double DatabaseMb,
    double LoadAverage,
    double GcHeapMb,
    double GcCommittedMb,
    double SqliteMb,
    long JitMethods)
{
    public string ToLine() => string.Create(CultureInfo.InvariantCulture,
        $"{Minute,5:0.0#} min  working set {WorkingSetMb,6:0.0} MB  private {PrivateMb,6:0.0} MB  handles {Handles,4}  threads {Threads,3}  backlog {Backlog,4}  handled {Handled,7} ({Cell(PerSecond, "0"),4}/s)  p99 {Cell(P99Ms, "0.0"),6} ms  handler {Cell(HandlerMs, "0.00"),5} ms  cpu {Cell(ProcessorPercent, "0"),3} %  db {DatabaseMb,6:0.0} MB  load {LoadAverage:0.00}  gc heap {GcHeapMb,5:0.0} MB  gc committed {GcCommittedMb,5:0.0} MB  sqlite {SqliteMb,5:0.0} MB  jit {JitMethods,6} methods");

    public string ToRow() => string.Create(CultureInfo.InvariantCulture,
        $"| {Minute:0.0#} | {WorkingSetMb:0.0} | {PrivateMb:0.0} | {Handles} | {Threads} | {Backlog} | {Handled} | {Cell(PerSecond, "0")} | {Cell(P99Ms, "0.0")} | {Cell(HandlerMs, "0.00")} | {Cell(ProcessorPercent, "0")} | {DatabaseMb:0.0} | {LoadAverage:0.00} | {GcHeapMb:0.0} | {GcCommittedMb:0.0} | {SqliteMb:0.0} | {JitMethods} |");

    private static string Cell(double value, string format) => double.IsNaN(value) ? "—" : value.ToString(format, CultureInfo.InvariantCulture);
}

/// <summary>What the soak measured, and the start-versus-end comparison that decides whether something grows.</summary>
internal sealed record SoakResult(
    int Minutes,
    int RatePerSecond,
    int Slots,
    TimeSpan FlowEvery,
    TimeSpan SampleEvery,
    IReadOnlyList<SoakSample> Samples,
    SoakSample AfterLoad,
    double PeakWorkingSetMb,
    long Flows,
    long Failures,
    long Updates,
    List<double> Latencies)
{
    public const string Begin = "<!-- soak:begin -->";
    public const string End = "<!-- soak:end -->";

    // The windows of a 30-minute run, scaled for shorter ones: minutes 2–5 (after warm-up) against minutes 25–30.
    private double EarlyFrom => Minutes * 2 / 30.0;

    private double EarlyTo => Minutes * 5 / 30.0;

    private double LateFrom => Minutes * 25 / 30.0;

    /// <summary>RESULTS.md with the soak section between the markers replaced, or appended when it has none.</summary>
    public static string WithSection(string results, string soak)
    {
        var section = $"{Begin}\n{soak.Trim()}\n{End}\n";
        var begin = results.IndexOf(Begin, StringComparison.Ordinal);
        var end = results.IndexOf(End, StringComparison.Ordinal);
        if (begin >= 0 && end > begin)
        {
            return results[..begin] + section + results[(end + End.Length)..].TrimStart('\n');
        }

        return results.Length == 0 ? section : results.TrimEnd() + "\n\n" + section;
    }

    public string ToMarkdown(string command)
    {
        var trends = new[]
        {
            Measure("working set (VmRSS)", "MB", s => s.WorkingSetMb, floor: 5),
            Measure("private memory (RssAnon)", "MB", s => s.PrivateMb, floor: 5),
            Measure("of which the managed heap in use (GC)", "MB", s => s.GcHeapMb, floor: 5),
            Measure("the GC's committed memory (in use or kept)", "MB", s => s.GcCommittedMb, floor: 5),
            Measure("of which SQLite (page caches, statements)", "MB", s => s.SqliteMb, floor: 5),
            Measure("open handles (/proc/<pid>/fd)", "", s => s.Handles, floor: 5),
            Measure("threads", "", s => s.Threads, floor: 3),
            Measure("outbox backlog (messages waiting)", "", s => s.Backlog, floor: 10),
        };
        var loaded = Samples.Where(s => s.Minute > 0).ToList();
        var measured = Samples[^1].Minute - Samples[0].Minute;
        var md = new StringBuilder();
        md.AppendLine(CultureInfo.InvariantCulture, $"## Soak: {Minutes} minutes at {RatePerSecond} updates/s").AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"Run on {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC with `{command}` (not in CI).").AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"Machine: {Machine.Description()}.");
        md.AppendLine("The bot runs as its own Release process against the fake Bot API on 127.0.0.1, `Storage:Durability=Full`, send limits raised as in *sustained*, `MALLOC_ARENA_MAX=2` as in the Dockerfile.");
        md.AppendLine(CultureInfo.InvariantCulture, $"Load: {Slots} slots, each starting a new virtual person (ids from 10,000,001) on a whole flow of {VirtualPerson.WholeFlowUpdates} updates every {FlowEvery.TotalSeconds:0.00} s, so {RatePerSecond} updates/s are offered; a person finishing is replaced by the next, and a flow that overruns its turn delays that slot rather than bunching people up.");
        md.AppendLine(CultureInfo.InvariantCulture, $"Every {SampleEvery.TotalSeconds:0} s the bot process is sampled: working set (VmRSS), private memory (RssAnon: heaps and stacks; the GC heap itself is not exported at `/metrics`), open handles (entries in `/proc/<pid>/fd`), threads, outbox backlog (`jumysbot_outbox_backlog`), updates handled (`jumysbot_updates_handled_total`), and the p99 from update to first reply of the flows that ended in the interval.").AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"How the verdicts are reached: *first* is the median of the samples from minute {EarlyFrom:0.##} to {EarlyTo:0.##} (after warm-up), *last* the median from minute {LateFrom:0.##} to {Minutes}; the slope is the least-squares line through every sample from minute {EarlyFrom:0.##} on.");
        md.AppendLine("A figure **grows** when *last* exceeds *first* by more than the tolerance, or when the fitted line rises by more than the tolerance over that span; the tolerance is 10 % of *first*, and at least 5 MB, 5 handles, 3 threads or 10 waiting messages. Otherwise: **no growth**.").AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"| figure | first (min {EarlyFrom:0.##}–{EarlyTo:0.##}) | last (min {LateFrom:0.##}–{Minutes}) | change | slope per 10 min | tolerance | verdict |");
        md.AppendLine("|---|---|---|---|---|---|---|");
        foreach (var trend in trends)
        {
            md.AppendLine(trend.ToRow());
        }

        md.AppendLine().AppendLine("| figure | value |").AppendLine("|---|---|");
        md.AppendLine(CultureInfo.InvariantCulture, $"| whole flows completed / failed (no reply within 120 s) | {Flows} / {Failures} |");
        md.AppendLine(CultureInfo.InvariantCulture, $"| updates handled | {Samples[^1].Handled - Samples[0].Handled} |");
        md.AppendLine(CultureInfo.InvariantCulture, $"| updates handled per second over the run (offered: {RatePerSecond}) | {(Samples[^1].Handled - Samples[0].Handled) / (measured * 60):0.0} |");
        md.AppendLine(CultureInfo.InvariantCulture, $"| updates handled per second, lowest / highest {SampleEvery.TotalSeconds:0} s interval | {loaded.Min(s => s.PerSecond):0} / {loaded.Max(s => s.PerSecond):0} |");
        md.AppendLine(CultureInfo.InvariantCulture, $"| update → first reply p50 / p99 / max over the run | {Scenarios.Percentile(Latencies, 0.50):0.0} / {Scenarios.Percentile(Latencies, 0.99):0.0} / {(Latencies.Count > 0 ? Latencies[^1] : double.NaN):0.0} ms |");
        md.AppendLine(CultureInfo.InvariantCulture, $"| p99 of an interval, median over the first / last window | {Window(s => s.P99Ms, EarlyFrom, EarlyTo):0.0} / {Window(s => s.P99Ms, LateFrom, Minutes):0.0} ms |");
        md.AppendLine(CultureInfo.InvariantCulture, $"| mean time inside the handler's transaction, first / last window | {Window(s => s.HandlerMs, EarlyFrom, EarlyTo):0.00} / {Window(s => s.HandlerMs, LateFrom, Minutes):0.00} ms |");
        md.AppendLine(CultureInfo.InvariantCulture, $"| bot processor use, mean (100 % = one core) | {loaded.Average(s => s.ProcessorPercent):0} % |");
        md.AppendLine(CultureInfo.InvariantCulture, $"| highest outbox backlog seen in a sample | {Samples.Max(s => s.Backlog)} |");
        md.AppendLine(CultureInfo.InvariantCulture, $"| peak working set (VmHWM) | {PeakWorkingSetMb:0.0} MB |");
        md.AppendLine(CultureInfo.InvariantCulture, $"| 10 s after the load stopped | backlog {AfterLoad.Backlog}, working set {AfterLoad.WorkingSetMb:0.0} MB, private {AfterLoad.PrivateMb:0.0} MB, {AfterLoad.Handles} handles, {AfterLoad.Threads} threads |");
        md.AppendLine(CultureInfo.InvariantCulture, $"| database with its WAL, before / after (grows by design: every flow stores a person and a request) | {Samples[0].DatabaseMb:0.0} / {Samples[^1].DatabaseMb:0.0} MB |");
        md.AppendLine(CultureInfo.InvariantCulture, $"| machine load average (1 min), lowest / highest sample | {Samples.Min(s => s.LoadAverage):0.00} / {Samples.Max(s => s.LoadAverage):0.00} |");
        md.AppendLine();
        md.AppendLine("### Soak samples").AppendLine();
        md.AppendLine("Minute 0 is the idle bot after one warm-up /start, before the load begins. Updates/s, p99, handler time and CPU are over the interval since the previous sample.").AppendLine();
        md.AppendLine("| minute | working set MB | private MB | handles | threads | backlog | updates handled | updates/s | p99 ms | handler ms | CPU % | database MB | load avg | managed heap MB | GC committed MB | SQLite MB | methods JIT-compiled |");
        md.AppendLine("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var sample in Samples)
        {
            md.AppendLine(sample.ToRow());
        }

        return md.ToString();
    }

    private Trend Measure(string figure, string unit, Func<SoakSample, double> value, double floor)
    {
        var measured = Samples.Where(s => s.Minute >= EarlyFrom - 1e-9).ToList();
        var early = Window(value, EarlyFrom, EarlyTo);
        var slope = Slope(measured.Select(s => (s.Minute, value(s))).ToList());
        var rise = slope * (measured[^1].Minute - measured[0].Minute);
        return new Trend(figure, unit, early, Window(value, LateFrom, Minutes), slope * 10, rise, Math.Max(0.10 * early, floor));
    }

    private double Window(Func<SoakSample, double> value, double from, double to)
    {
        var values = Samples.Where(s => s.Minute >= from - 1e-9 && s.Minute <= to + 1e-9).Select(value).Where(v => !double.IsNaN(v)).Order().ToList();
        return values.Count == 0 ? double.NaN : (values[(values.Count - 1) / 2] + values[values.Count / 2]) / 2;
    }

    /// <summary>The least-squares slope of value over minutes.</summary>
    private static double Slope(List<(double X, double Y)> points)
    {
        var meanX = points.Average(p => p.X);
        var meanY = points.Average(p => p.Y);
        var spread = points.Sum(p => (p.X - meanX) * (p.X - meanX));
        return spread == 0 ? 0 : points.Sum(p => (p.X - meanX) * (p.Y - meanY)) / spread;
    }

    private sealed record Trend(string Figure, string Unit, double First, double Last, double SlopePer10Minutes, double Rise, double Tolerance)
    {
        public bool Grows => Last - First > Tolerance || Rise > Tolerance;

        public string ToRow()
        {
            var unit = Unit.Length == 0 ? "" : " " + Unit;
            return string.Create(CultureInfo.InvariantCulture,
                $"| {Figure} | {First:0.#}{unit} | {Last:0.#}{unit} | {Last - First:+0.#;-0.#;0}{unit} ({(First == 0 ? "—" : ((Last - First) / First).ToString("+0.0 %;-0.0 %;0 %", CultureInfo.InvariantCulture))}) | {SlopePer10Minutes:+0.##;-0.##;0}{unit} | {Tolerance:0.#}{unit} | {(Grows ? "**grows**" : "no growth")} |");
        }
    }
}
