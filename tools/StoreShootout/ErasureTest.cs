using System.Text;

namespace StoreShootout;

/// <summary>
/// The /forget promise, checked on the raw files: a person's name, phone and comment are written among other people's
/// traffic, erased as PersonEraser erases them, and every file in the store's folder is then searched byte for byte
/// after each step the store offers (the commit, the checkpoint the bot runs after /forget, closing, a full rebuild).
/// </summary>
internal static class ErasureTest
{
    public static readonly PersonRecord Person = new(424_242, 424_242, "Жаннат Эрасова", "+77015550199", "ErasureMarker-7Q3Z");

    public static async Task RunAsync(string kind, string folder, Action<string> report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, StoreKind.FileName(kind));
        string name;
        var store = await StoreKind.OpenAsync(kind, path, cancellationToken);
        try
        {
            name = store.Name;
            await TrafficAsync(store, 1, cancellationToken);
            await store.WritePersonAsync(Person, cancellationToken);
            await TrafficAsync(store, 2_001, cancellationToken);
            report(Row(name, "written, before erasure", folder));
            await store.ErasePersonAsync(Person, cancellationToken);
            report(Row(name, "erased (committed)", folder));
            var did = await store.CompactAsync(CompactStep.Checkpoint, cancellationToken);
            report(Row(name, $"after {string.Join(", ", did)} (what the bot runs after /forget)", folder));
            await TrafficAsync(store, 4_001, cancellationToken);
            report(Row(name, "after 2,000 more updates", folder));
        }
        finally
        {
            store.Dispose();
        }

        report(Row(name, "closed", folder));
        store = await StoreKind.OpenAsync(kind, path, cancellationToken);
        try
        {
            var did = await store.CompactAsync(CompactStep.Rebuild, cancellationToken);
            report(Row(name, $"after {string.Join(", ", did)}", folder));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            report(Row(name, $"rebuild FAILED: {e.GetType().Name}: {e.Message}", folder));
        }
        finally
        {
            DisposeQuietly(store, name, folder, report);
        }

        report(Row(name, "rebuilt (or tried) and closed", folder));
        try
        {
            using var reopened = await StoreKind.OpenAsync(kind, path, cancellationToken);
            var state = await reopened.ReadBackAsync(cancellationToken);
            report(Row(name, $"reopened: {state.Inbox.Count} inbox rows, {state.OutboxUpdates.Count} outbox rows, {state.StepByChat.Count} conversations", folder));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            report(Row(name, $"reopening FAILED: {e.GetType().Name}: {e.Message}", folder));
        }
    }

    private static void DisposeQuietly(IShootoutStore store, string name, string folder, Action<string> report)
    {
        try
        {
            store.Dispose();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            report(Row(name, $"closing FAILED: {e.GetType().Name}: {e.Message}", folder));
        }
    }

    private static async Task TrafficAsync(IShootoutStore store, long first, CancellationToken cancellationToken)
    {
        await store.ReceiveAsync([.. Enumerable.Range(0, 2_000).Select(i => Workload.Received(first + i))], cancellationToken);
        for (var id = first; id < first + 2_000; id += 50)
        {
            await store.HandleAsync([.. Enumerable.Range(0, 50).Select(i => Workload.Handled(id + i))], cancellationToken);
        }
    }

    /// <summary>A table row: for each of the person's texts, how many copies each file holds.</summary>
    private static string Row(string store, string step, string folder)
    {
        var needles = new[] { Person.Name, Person.Phone, Person.Comment };
        var found = new List<string>();
        foreach (var file in Directory.GetFiles(folder).Order(StringComparer.Ordinal))
        {
            var bytes = File.ReadAllBytes(file);
            var counts = needles.Select(n => Count(bytes, Encoding.UTF8.GetBytes(n))).ToArray();
            if (counts.Any(c => c > 0))
            {
                found.Add($"{Path.GetFileName(file)}: name ×{counts[0]}, phone ×{counts[1]}, comment ×{counts[2]}");
            }
        }

        var files = string.Join(", ", Directory.GetFiles(folder).Order(StringComparer.Ordinal).Select(f => $"{Path.GetFileName(f)} {new FileInfo(f).Length / 1024} KB"));
        return $"| {store} | {step} | {(found.Count == 0 ? "none" : string.Join("; ", found))} | {files} |";
    }

    private static int Count(byte[] haystack, byte[] needle)
    {
        var count = 0;
        var span = haystack.AsSpan();
        for (var at = span.IndexOf(needle); at >= 0; at = span.IndexOf(needle))
        {
            count++;
            span = span[(at + needle.Length)..];
        }

        return count;
    }

    public const string Header = "| store | step | the person's texts found in the raw files | files |\n|---|---|---|---|";
}
