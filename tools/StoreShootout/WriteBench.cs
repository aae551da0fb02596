using System.Diagnostics;
using System.Globalization;

namespace StoreShootout;

/// <summary>
/// The write path of handling updates, timed: each commit writes <c>batch</c> updates (state upsert, outbox insert,
/// inbox mark) and is timed from its BEGIN to the return of its COMMIT. The inbox rows are stored beforehand, unmeasured,
/// as the bot stores them on receipt; a warm-up of <see cref="WarmUp"/> updates runs before the clock starts.
/// </summary>
internal static class WriteBench
{
    private const int WarmUp = 1_000;

    public static async Task<BenchResult> RunAsync(string kind, string folder, int updates, int batch, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        using var store = await StoreKind.OpenAsync(kind, Path.Combine(folder, StoreKind.FileName(kind)), cancellationToken);
        var total = WarmUp + updates;
        for (var first = 1L; first <= total; first += 500)
        {
            var count = (int)Math.Min(500, total - first + 1);
            await store.ReceiveAsync([.. Enumerable.Range(0, count).Select(i => Workload.Received(first + i))], cancellationToken);
        }

        await HandleAsync(store, 1, WarmUp, batch, null, cancellationToken);

        var commits = new List<double>(updates / batch + 1);
        var process = Process.GetCurrentProcess();
        process.Refresh();
        var cpuBefore = process.TotalProcessorTime;
        var started = Stopwatch.GetTimestamp();
        await HandleAsync(store, WarmUp + 1, updates, batch, commits, cancellationToken);
        var elapsed = Stopwatch.GetElapsedTime(started);
        process.Refresh();
        var cpu = process.TotalProcessorTime - cpuBefore;

        var bytes = store.Files.Where(File.Exists).Sum(f => new FileInfo(f).Length);
        commits.Sort();
        return new BenchResult(store.Name, batch, updates, updates / elapsed.TotalSeconds, Percentile(commits, 0.50), Percentile(commits, 0.99),
            cpu.TotalMicroseconds / updates, bytes);
    }

    private static async Task HandleAsync(IShootoutStore store, long first, int count, int batch, List<double>? commits, CancellationToken cancellationToken)
    {
        var writes = new List<UpdateWrite>(batch);
        for (var id = first; id < first + count; id += batch)
        {
            writes.Clear();
            for (var i = id; i < Math.Min(id + batch, first + count); i++)
            {
                writes.Add(Workload.Handled(i));
            }

            var started = Stopwatch.GetTimestamp();
            await store.HandleAsync(writes, cancellationToken);
            commits?.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
}

internal sealed record BenchResult(string Store, int Batch, int Updates, double UpdatesPerSecond, double P50Ms, double P99Ms, double CpuMicrosecondsPerUpdate, long Bytes)
{
    public const string Header = "| store | updates per commit | updates/s | commit p50 ms | commit p99 ms | CPU µs/update | files MB |\n|---|---|---|---|---|---|---|";

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"| {Store} | {Batch} | {UpdatesPerSecond:N0} | {P50Ms:0.000} | {P99Ms:0.000} | {CpuMicrosecondsPerUpdate:N0} | {Bytes / 1048576.0:0.0} |");
}
