using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using JumysBot.Benchmarks;

// dotnet run -c Release --project tests/JumysBot.Benchmarks [-- --people 300 --burst 1000]
var people = Argument("--people", 300);
var burst = Argument("--burst", 1000);
// Half the sustained target of 3000 updates/s, where handling should stay under 5 ms at p99.
var halfLoad = Argument("--half-load", 1500);
// --only sustained: one scenario (start, sustained, light, normal, scale, burst), to try a change; RESULTS.md is left alone.
var only = Array.IndexOf(args, "--only") is var at and >= 0 && at + 1 < args.Length ? args[at + 1] : null;
var repository = FindRepository();
Console.WriteLine("Building the bot in Release…");
var dll = BotProcess.BuildRelease(repository);

var results = new List<Result>();
(string Name, Func<Task<Result>> Run)[] scenarios =
[
    ("start", () => Scenarios.StartAsync(dll)),
    ("sustained", () => Scenarios.SustainedAsync(dll, "sustained", people)),
    ("half", () => Scenarios.SustainedAsync(dll, $"half load (about {halfLoad} updates/s offered)", people, offeredPerSecond: halfLoad)),
    ("light", () => Scenarios.SustainedAsync(dll, "light (a sixth of the people)", Math.Max(1, people / 6))),
    ("normal", () => Scenarios.SustainedAsync(dll, "sustained with Storage:Durability=Normal (for comparison)", people, durability: "Normal")),
    ("scale", () => Scenarios.ScaleAsync(dll, people)),
    ("burst", () => Scenarios.BurstAsync(dll, burst)),
];
foreach (var scenario in scenarios.Where(s => only is null || s.Name == only))
{
    var result = await scenario.Run();
    results.Add(result);
    Console.WriteLine($"\n{result.Scenario}");
    foreach (var (figure, value) in result.Figures)
    {
        Console.WriteLine($"  {figure,-70} {value}");
    }
}

if (only is not null)
{
    return 0;
}

var report = new StringBuilder();
report.AppendLine("# Benchmark results").AppendLine();
report.AppendLine(CultureInfo.InvariantCulture, $"Run on {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC with `dotnet run -c Release --project tests/JumysBot.Benchmarks -- --people {people} --burst {burst}`.").AppendLine();
report.AppendLine(CultureInfo.InvariantCulture, $"Machine: {Environment.ProcessorCount} cores ({CpuModel()}), {MemoryGb():0} GiB, {RuntimeInformation.OSDescription}, .NET {Environment.Version}.");
report.AppendLine("The bot runs as its own Release process against a fake Bot API on 127.0.0.1; SQLite in WAL mode with `synchronous=FULL` (the default `Storage:Durability=Full`): every state change is on disk before its reply is sent, except where a scenario says otherwise.").AppendLine();
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

var notes = Path.Combine(repository, "tests", "JumysBot.Benchmarks", "NOTES.md");
if (File.Exists(notes))
{
    report.AppendLine(await File.ReadAllTextAsync(notes));
}

var path = Path.Combine(repository, "tests", "JumysBot.Benchmarks", "RESULTS.md");
await File.WriteAllTextAsync(path, report.ToString());
Console.WriteLine($"\nWrote {path}");
return 0;

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

static string CpuModel() =>
    File.Exists("/proc/cpuinfo")
        ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown CPU"
        : "unknown CPU";

static double MemoryGb() => GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 1024.0 / 1024 / 1024;
