using System.Globalization;
using System.Text;
using JumysBot.Benchmarks;

// dotnet run -c Release --project tests/JumysBot.Benchmarks [-- --people 300 --burst 1000]
// dotnet run -c Release --project tests/JumysBot.Benchmarks -- --soak 30 [--soak-rate 75]   (only the soak, not in CI)
var people = Argument("--people", 300);
var burst = Argument("--burst", 1000);
var soakMinutes = Argument("--soak", 0);
var repository = FindRepository();
var folder = Path.Combine(repository, "tests", "JumysBot.Benchmarks");
Console.WriteLine("Building the bot in Release…");
var dll = BotProcess.BuildRelease(repository);

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

var results = new List<Result>();
foreach (var scenario in new Func<Task<Result>>[]
{
    () => Scenarios.StartAsync(dll),
    () => Scenarios.SustainedAsync(dll, "sustained", people),
    () => Scenarios.SustainedAsync(dll, "light (a sixth of the people)", Math.Max(1, people / 6)),
    () => Scenarios.SustainedAsync(dll, "sustained with Storage:Durability=Normal (for comparison)", people, durability: "Normal"),
    () => Scenarios.ScaleAsync(dll, people),
    () => Scenarios.BurstAsync(dll, burst),
})
{
    var result = await scenario();
    results.Add(result);
    Console.WriteLine($"\n{result.Scenario}");
    foreach (var (figure, value) in result.Figures)
    {
        Console.WriteLine($"  {figure,-70} {value}");
    }
}

var report = new StringBuilder();
report.AppendLine("# Benchmark results").AppendLine();
report.AppendLine(CultureInfo.InvariantCulture, $"Run on {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC with `dotnet run -c Release --project tests/JumysBot.Benchmarks -- --people {people} --burst {burst}`.").AppendLine();
report.AppendLine(CultureInfo.InvariantCulture, $"Machine: {Machine.Description()}.");
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

var path = Path.Combine(folder, "RESULTS.md");
await File.WriteAllTextAsync(path, text);
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
