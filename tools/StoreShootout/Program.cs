using System.Globalization;
using StoreShootout;

// Measures the bot's write path on SQLite (as src/JumysBot/Storage does it) against LiteDB 5.0.21. See docs/decisions.md.
//   bench [--updates 20000] [--batch 32] [--only litedb] [--dir folder]   throughput, commit latency, CPU, file size
//   crash [--kills 5] [--batch 32]                                         SIGKILL mid-write, reopen, check
//   erase                                                                  the person's texts in the raw files after /forget
var options = Options.Parse(args);
using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};

var folder = options.Text("dir") ?? Path.Combine(Path.GetTempPath(), $"storeshootout-{Environment.ProcessId}");
var kinds = StoreKind.Measured.Where(k => options.Text("only") is not { } only || k.Contains(only, StringComparison.Ordinal)).ToList();
var batch = options.Number("batch", 32);
try
{
    switch (options.Command)
    {
        case "bench":
            Console.WriteLine(BenchResult.Header);
            foreach (var kind in kinds)
            {
                foreach (var size in new[] { 1, batch })
                {
                    var result = await WriteBench.RunAsync(kind, Path.Combine(folder, $"{kind}-{size}"), options.Number("updates", 20_000), size, stop.Token);
                    Console.WriteLine(result);
                }
            }

            break;
        case "crash":
            Console.WriteLine(CrashTest.Header);
            var random = new Random(options.Number("seed", Environment.TickCount));
            foreach (var kind in kinds.Where(k => k is StoreKind.SqliteFull or StoreKind.LiteDb or StoreKind.LiteDbCheckpoint))
            {
                foreach (var size in new[] { 1, batch })
                {
                    foreach (var line in await CrashTest.RunAsync(kind, Path.Combine(folder, $"crash-{kind}-{size}"), options.Number("kills", 5), size, random, stop.Token))
                    {
                        Console.WriteLine(line);
                    }
                }
            }

            break;
        case "crash-child":
            await CrashTest.ChildAsync(options.Text("store")!, options.Text("file")!, options.Number("start", 1), options.Number("batch", 1), stop.Token);
            return 0;
        case "erase":
            Console.WriteLine(ErasureTest.Header);
            foreach (var kind in new[] { StoreKind.SqliteFull, StoreKind.SqliteNoSecureDelete, StoreKind.LiteDb })
            {
                await ErasureTest.RunAsync(kind, Path.Combine(folder, $"erase-{kind}"), Console.WriteLine, stop.Token);
            }

            break;
        default:
            Console.Error.WriteLine("usage: StoreShootout bench|crash|erase [--updates N] [--batch N] [--kills N] [--only NAME] [--dir FOLDER]");
            return 2;
    }
}
finally
{
    if (options.Command != "crash-child" && options.Text("dir") is null && Directory.Exists(folder))
    {
        Directory.Delete(folder, recursive: true);
    }
}

return 0;

/// <summary>The command line: a command, then <c>--name value</c> pairs.</summary>
internal sealed record Options(string Command, IReadOnlyDictionary<string, string> Values)
{
    public static Options Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 1; i + 1 < args.Length; i += 2)
        {
            values[args[i].TrimStart('-')] = args[i + 1];
        }

        return new Options(args.Length > 0 ? args[0] : "", values);
    }

    public string? Text(string name) => Values.GetValueOrDefault(name);

    public int Number(string name, int fallback) => Values.TryGetValue(name, out var value) ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;
}
