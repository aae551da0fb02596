using System.Diagnostics;
using System.Globalization;

namespace StoreShootout;

/// <summary>
/// A child process handles updates in a loop and prints "ack N" after each commit returns; the parent kills it with
/// SIGKILL at a random moment, reopens the file and checks it: it opens, every acknowledged update is there, and no
/// update is there in part (its inbox mark, its outbox row and its chat's state are all there, or none of them).
/// </summary>
internal static class CrashTest
{
    public static async Task<IReadOnlyList<string>> RunAsync(string kind, string folder, int kills, int batch, Random random, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, StoreKind.FileName(kind));
        var acknowledged = new HashSet<long>();
        var lines = new List<string>();
        var next = 1L;
        for (var round = 1; round <= kills; round++)
        {
            var (acked, wait) = await KillMidWriteAsync(kind, path, next, batch, random, cancellationToken);
            acknowledged.UnionWith(acked);
            var check = await CheckAsync(kind, path, acknowledged, cancellationToken);
            lines.Add(string.Create(CultureInfo.InvariantCulture,
                $"| {kind} | {batch} | {round} | {wait} ms | {acked.Count} | {check.Committed - (next - 1)} | {check.Verdict} |"));
            next = check.HighestHandled + 1;
        }

        return lines;
    }

    private static async Task<(IReadOnlyList<long> Acked, int Wait)> KillMidWriteAsync(string kind, string path, long start, int batch, Random random, CancellationToken cancellationToken)
    {
        var (program, prefix) = Self();
        var info = new ProcessStartInfo(program) { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in prefix.Concat(["crash-child", "--store", kind, "--file", path, "--start", start.ToString(CultureInfo.InvariantCulture), "--batch", batch.ToString(CultureInfo.InvariantCulture)]))
        {
            info.ArgumentList.Add(argument);
        }

        using var child = Process.Start(info) ?? throw new InvalidOperationException("The child did not start.");
        var acked = new List<long>();
        var firstAck = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var reading = Task.Run(async () =>
        {
            while (await child.StandardOutput.ReadLineAsync(cancellationToken) is { } line)
            {
                if (line.StartsWith("ack ", StringComparison.Ordinal))
                {
                    acked.Add(long.Parse(line.AsSpan(4), CultureInfo.InvariantCulture));
                    firstAck.TrySetResult();
                }
            }
        }, cancellationToken);

        await firstAck.Task.WaitAsync(TimeSpan.FromSeconds(60), cancellationToken);
        var wait = random.Next(20, 1_500);
        await Task.Delay(wait, cancellationToken);
        child.Kill(); // SIGKILL on Linux: no handler, no flush, no finally.
        await child.WaitForExitAsync(cancellationToken);
        await reading;
        return (acked, wait);
    }

    /// <summary>The command that starts this tool again (the app host, or dotnet with the tool's dll).</summary>
    private static (string Program, IReadOnlyList<string> Prefix)Self()
    {
        var host = Environment.ProcessPath!;
        return Path.GetFileNameWithoutExtension(host) == "dotnet"
            ? (host, [typeof(CrashTest).Assembly.Location])
            : (host, []);
    }

    private static async Task<Check> CheckAsync(string kind, string path, HashSet<long> acknowledged, CancellationToken cancellationToken)
    {
        StoredState state;
        try
        {
            using var store = await StoreKind.OpenAsync(kind, path, cancellationToken);
            state = await store.ReadBackAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return new Check(0, 0, $"FAILED to open: {e.GetType().Name}: {e.Message}");
        }

        var problems = new List<string>();
        var handled = state.Inbox.Where(r => r.Handled).Select(r => r.UpdateId).ToHashSet();
        var lost = acknowledged.Count(id => !handled.Contains(id));
        if (lost > 0)
        {
            problems.Add($"{lost} acknowledged updates lost");
        }

        if (state.Inbox.Any(r => r.Handled && r.HasPayload))
        {
            problems.Add("a handled inbox row kept its text");
        }

        var outbox = state.OutboxUpdates.GroupBy(u => u).ToDictionary(g => g.Key, g => g.Count());
        var halfWritten = handled.Count(id => !outbox.ContainsKey(id)) + outbox.Keys.Count(id => !handled.Contains(id));
        if (halfWritten > 0 || outbox.Values.Any(c => c > 1))
        {
            problems.Add($"{halfWritten} updates in part (inbox mark without outbox row or the reverse), {outbox.Values.Count(c => c > 1)} doubled");
        }

        var wrongState = handled.GroupBy(Workload.ChatOf)
            .Count(chat => !state.StepByChat.TryGetValue(chat.Key, out var step) || step != $"u{chat.Max()}");
        if (wrongState > 0)
        {
            problems.Add($"{wrongState} chats whose state is not their last handled update's");
        }

        if (state.IntegrityCheck != "ok" && !state.IntegrityCheck.StartsWith("read ", StringComparison.Ordinal))
        {
            problems.Add($"integrity: {state.IntegrityCheck}");
        }

        var verdict = problems.Count == 0 ? $"opens; all acknowledged there; no part-writes ({state.IntegrityCheck})" : "BROKEN: " + string.Join("; ", problems);
        return new Check(handled.Count, handled.Count == 0 ? 0 : handled.Max(), verdict);
    }

    /// <summary>The child: handles updates from <paramref name="start"/> on until it is killed.</summary>
    public static async Task ChildAsync(string kind, string path, long start, int batch, CancellationToken cancellationToken)
    {
        using var store = await StoreKind.OpenAsync(kind, path, cancellationToken);
        var output = Console.Out;
        var received = start - 1;
        var writes = new List<UpdateWrite>(batch);
        for (var id = start; ; id += batch)
        {
            if (id + batch - 1 > received)
            {
                await store.ReceiveAsync([.. Enumerable.Range(1, 500).Select(i => Workload.Received(received + i))], cancellationToken);
                received += 500;
            }

            writes.Clear();
            for (var i = id; i < id + batch; i++)
            {
                writes.Add(Workload.Handled(i));
            }

            await store.HandleAsync(writes, cancellationToken);
            foreach (var write in writes)
            {
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"ack {write.UpdateId}"));
            }

            await output.FlushAsync(cancellationToken);
        }
    }

    private sealed record Check(long Committed, long HighestHandled, string Verdict);

    public const string Header = "| store | updates per commit | kill | killed after first ack | acknowledged | committed | after reopening |\n|---|---|---|---|---|---|---|";
}
