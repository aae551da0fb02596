using System.Globalization;
using System.Text;
using JumysBot.Benchmarks;

// dotnet run -c Release --project tests/JumysBot.Benchmarks [-- --people 300 --rounds 3 --burst 1000]
//   [--postgres "Host=127.0.0.1;Port=5434;Username=postgres"] [--fleet-only]
// With a PostgreSQL server (or JUMYSBOT_BENCH_POSTGRES) it also measures one instance against three in webhook mode;
// --fleet-only measures just that and rewrites only that part of RESULTS.md.
// --only sustained: one scenario (start, sustained, half, light, normal, scale, burst), to try a change; RESULTS.md is left alone.
// --bot-repository ../other-checkout: the same harness against another checkout's bot, for a before/after comparison.
// dotnet run -c Release --project tests/JumysBot.Benchmarks -- --soak 30 [--soak-rate 75]   (only the soak, not in CI)
var people = Argument("--people", 300);
var burst = Argument("--burst", 1000);
// Half the sustained target of 3000 updates/s, where handling should stay under 5 ms at p99.
var halfLoad = Argument("--half-load", 1500);
Scenarios.Rounds = Argument("--rounds", Scenarios.Rounds);
var only = TextArgument("--only");
var soakMinutes = Argument("--soak", 0);
var postgres = TextArgument("--postgres") ?? Environment.GetEnvironmentVariable("JUMYSBOT_BENCH_POSTGRES");
var fleetOnly = args.Contains("--fleet-only");
const string FleetBegin = "<!-- fleet:begin -->";
const string FleetEnd = "<!-- fleet:end -->";
var repository = FindRepository();
var folder = Path.Combine(repository, "tests", "JumysBot.Benchmarks");
Console.WriteLine("Building the bot in Release…");
// --bot-repository PATH: run this harness against the bot of another checkout (a before/after comparison).
var dll = BotProcess.BuildRelease(TextArgument("--bot-repository") ?? repository);

if (soakMinutes > 0)
{
    var rate = Argument("--soak-rate", 75);
    var soak = await Scenarios.SoakAsync(dll, soakMinutes, rate);
    var markdown = soak.ToMarkdown($"dotnet run -c Release --project tests/JumysBot.Benchmarks -- --soak {soakMinutes} --soak-rate {rate}");
    Console.WriteLine();
    Console.WriteLine(markdown);
    await File.WriteAllTextAsync(Path.Combine(folder, "SOAK.md"), markdown);
    var resultsPath = Path.Combine(folder, "RESULTS.md");
    var before = File.Exists(resultsPath) ? await File.ReadAllTextAsync(resultsPath) : "";
    await File.WriteAllTextAsync(resultsPath, SoakResult.WithSection(before, markdown));
    Console.WriteLine($"Wrote {Path.Combine(folder, "SOAK.md")} and the soak section of {resultsPath}");
    return 0;
}

(string Name, Func<Task<Result>> Run)[] named =
[
    ("start", () => Scenarios.StartAsync(dll)),
    ("sustained", () => Scenarios.SustainedAsync(dll, "sustained", people)),
    ("half", () => Scenarios.SustainedAsync(dll, $"half load (about {halfLoad} updates/s offered)", people, offeredPerSecond: halfLoad)),
    ("light", () => Scenarios.SustainedAsync(dll, "light (a sixth of the people)", Math.Max(1, people / 6))),
    ("normal", () => Scenarios.SustainedAsync(dll, "sustained with Storage:Durability=Normal (for comparison)", people, durability: "Normal")),
    ("scale", () => Scenarios.ScaleAsync(dll, people)),
    ("burst", () => Scenarios.BurstAsync(dll, burst)),
];
var scenarios = fleetOnly ? [] : named.Where(s => only is null || s.Name == only).Select(s => s.Run).ToList();

var fleetScenarios = new List<Func<Task<Result>>>();
if (postgres is not null && only is null)
{
    // --fleet-instances 1: only the one-instance run, to try a change (RESULTS.md is then left alone).
    foreach (var instances in (TextArgument("--fleet-instances") ?? "1,3").Split(',').Select(n => int.Parse(n, CultureInfo.InvariantCulture)))
    {
        fleetScenarios.Add(() => FleetScenario.RunAsync(dll, postgres, instances, people));
    }

    // The SQLite half load's pace, for the same comparison below saturation.
    fleetScenarios.Add(() => FleetScenario.RunAsync(dll, postgres, instances: 1, people, offeredPerSecond: halfLoad));
}

var results = new List<Result>();
var fleetResults = new List<Result>();
foreach (var scenario in scenarios.Concat(fleetScenarios))
{
    var result = await scenario();
    (fleetScenarios.Contains(scenario) ? fleetResults : results).Add(result);
    Console.WriteLine($"\n{result.Scenario}");
    foreach (var (figure, value) in result.Figures)
    {
        Console.WriteLine($"  {figure,-70} {value}");
    }
}

if (only is not null || TextArgument("--fleet-instances") is not null)
{
    return 0;
}

var path = Path.Combine(folder, "RESULTS.md");
var fleetReport = FleetReport();
if (fleetOnly)
{
    var existing = File.Exists(path) ? await File.ReadAllTextAsync(path) : "# Benchmark results\n\n";
    var begin = existing.IndexOf(FleetBegin, StringComparison.Ordinal);
    var end = existing.IndexOf(FleetEnd, StringComparison.Ordinal);
    await File.WriteAllTextAsync(path, begin >= 0 && end > begin
        ? existing[..begin] + fleetReport + existing[(end + FleetEnd.Length)..]
        : existing.TrimEnd() + "\n\n" + fleetReport + "\n");
    Console.WriteLine($"\nWrote the fleet figures into {path}");
    return 0;
}

var report = new StringBuilder();
report.AppendLine("# Benchmark results").AppendLine();
report.AppendLine(CultureInfo.InvariantCulture, $"Run on {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC with `dotnet run -c Release --project tests/JumysBot.Benchmarks -- --people {people} --burst {burst}`.").AppendLine();
report.AppendLine(CultureInfo.InvariantCulture, $"Machine: {Machine.Description()}.");
report.AppendLine("The bot runs as its own Release process against a fake Bot API on 127.0.0.1, with `MALLOC_ARENA_MAX=2` as in the Dockerfile; SQLite in WAL mode with `synchronous=FULL` (the default `Storage:Durability=Full`): every state change is on disk before its reply is sent, except where a scenario says otherwise. The sustained scenarios (sustained, half load, light, `Durability=Normal`, scale) first run unmeasured rounds of whole flows until the JIT has nearly finished, then measure three rounds, each person a new one.").AppendLine();
foreach (var result in results)
{
    report.AppendLine(CultureInfo.InvariantCulture, $"## {result.Scenario}").AppendLine();
    report.AppendLine("| figure | value |").AppendLine("|---|---|");
    foreach (var (figure, value) in result.Figures)
    {
        report.AppendLine(CultureInfo.InvariantCulture, $"| {figure} | {value} |");
    }

    report.AppendLine();
}

if (fleetResults.Count > 0)
{
    report.AppendLine(fleetReport).AppendLine();
}
else if (File.Exists(path) && await File.ReadAllTextAsync(path) is var previous
    && previous.IndexOf(FleetBegin, StringComparison.Ordinal) is var from and >= 0
    && previous.IndexOf(FleetEnd, StringComparison.Ordinal) is var to && to > from)
{
    // Measured only with a PostgreSQL server (--postgres): the last figures are carried over, not dropped.
    report.AppendLine(previous[from..(to + FleetEnd.Length)]).AppendLine();
}

var notes = Path.Combine(folder, "NOTES.md");
if (File.Exists(notes))
{
    report.AppendLine(await File.ReadAllTextAsync(notes));
}

// The soak is run on its own (--soak); its last figures are carried over so this run does not drop them.
var text = report.ToString();
var soakFile = Path.Combine(folder, "SOAK.md");
if (File.Exists(soakFile))
{
    text = SoakResult.WithSection(text, await File.ReadAllTextAsync(soakFile));
}

await File.WriteAllTextAsync(path, text);
Console.WriteLine($"\nWrote {path}");
return 0;

string FleetReport()
{
    var fleet = new StringBuilder(FleetBegin).AppendLine();
    fleet.AppendLine("## PostgreSQL: one instance versus three").AppendLine();
    fleet.AppendLine(CultureInfo.InvariantCulture, $"Run on {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC with `--people {people} --postgres …`, on the same machine ({Environment.ProcessorCount} cores): ");
    fleet.AppendLine("PostgreSQL on loopback with its default durability (`fsync` and `synchronous_commit` on), the bots in webhook mode, ");
    fleet.AppendLine("the fake Bot API posting every update to a round-robin balancer on loopback as Telegram would. ");
    fleet.AppendLine("All instances share the machine's cores with PostgreSQL and the load generator, so the second table shows what ");
    fleet.AppendLine("coordinating through the database costs more than what more machines would add. ");
    fleet.AppendLine("Each run first sends unmeasured rounds of whole flows until the bots' JIT has nearly finished, as the SQLite ");
    fleet.AppendLine("scenarios do, then measures one round (each person a new one); the counts are of that round only. ");
    fleet.AppendLine("In the first two tables each person sends the next step the moment a reply arrives, so the machine is saturated ");
    fleet.AppendLine("and the p50 is about the people divided by the throughput; the throughput is bounded by the processor time ");
    fleet.AppendLine("an update costs all the processes together (the last line but one of the processor figures). The third table ");
    fleet.AppendLine(CultureInfo.InvariantCulture, $"offers one instance the SQLite half load's pace ({halfLoad} updates/s, {people} people at once), below saturation.").AppendLine();
    foreach (var result in fleetResults)
    {
        fleet.AppendLine(CultureInfo.InvariantCulture, $"### {result.Scenario}").AppendLine();
        fleet.AppendLine("| figure | value |").AppendLine("|---|---|");
        foreach (var (figure, value) in result.Figures)
        {
            fleet.AppendLine(CultureInfo.InvariantCulture, $"| {figure} | {value} |");
        }

        fleet.AppendLine();
    }

    return fleet.Append(FleetEnd).ToString();
}

string? TextArgument(string name)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
}

int Argument(string name, int fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length && int.TryParse(args[index + 1], CultureInfo.InvariantCulture, out var value) ? value : fallback;
}

static string FindRepository()
{
    var folder = new DirectoryInfo(AppContext.BaseDirectory);
    while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Bot.sln")))
    {
        folder = folder.Parent;
    }

    return folder?.FullName ?? throw new InvalidOperationException("Run from inside the repository.");
}
