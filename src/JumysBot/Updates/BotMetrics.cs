using System.Diagnostics.Metrics;

namespace JumysBot.Updates;

/// <summary>
/// The bot's instruments (System.Diagnostics.Metrics). OpenTelemetry collects them and serves them at <c>/metrics</c> in
/// Prometheus text, and pushes them over OTLP when that is configured (see <c>Hosting/BotTelemetry</c>).
/// </summary>
/// <remarks>
/// The names are the ones operators' dashboards and the benchmark read: counters carry no <c>_total</c> here (the
/// Prometheus exporter adds it), and a name with a unit already ends with it (the exporter adds none then).
/// </remarks>
public sealed class BotMetrics : IDisposable
{
    public const string MeterName = "JumysBot";

    internal const string HandlerDurationName = "jumysbot_handler_duration_ms";

    /// <summary>The upper bounds (ms) of <see cref="HandlerDuration"/>'s buckets: fine below 5 ms, where most updates fall.</summary>
    internal static double[] HandlerDurationBounds => [0.5, 1, 2, 3, 4, 5, 10, 25, 50, 100, 250, 1000];

    private readonly Meter _meter;

    public BotMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        _meter = meterFactory.Create(MeterName);
        UpdatesReceived = _meter.CreateCounter<long>("jumysbot_updates_received", description: "Updates written to the inbox");
        UpdatesHandled = _meter.CreateCounter<long>("jumysbot_updates_handled", description: "Updates handled");
        InboxTransactions = _meter.CreateCounter<long>("jumysbot_inbox_transactions", description: "Transactions that wrote received updates to the inbox (webhook updates arriving together share one)");
        // No unit: the name says it, and the Prometheus exporter would add _milliseconds to a name that has a unit.
        HandlerDuration = _meter.CreateHistogram<double>(HandlerDurationName, description: "Time to handle one update, in milliseconds");
        Sends = _meter.CreateCounter<long>("jumysbot_sends", description: "Messages sent to Telegram, by result");
        LeadsCreated = _meter.CreateCounter<long>("jumysbot_leads_created", description: "Requests registered, by kind and point");
        TakenOver = _meter.CreateCounter<long>("jumysbot_taken_over", description: "Updates (kind=inbox) and messages (kind=outbox) taken over from an instance that died");
        ChatLockWait = _meter.CreateHistogram<double>("jumysbot_chat_lock_wait_ms", description: "Time a write transaction waited for its chats' locks (PostgreSQL), in milliseconds");
        ClaimConflicts = _meter.CreateCounter<long>("jumysbot_outbox_claim_conflicts", description: "Chats whose due messages a claim left because another instance held an earlier one");

        // Where memory goes, for a long run: the managed heap, and SQLite's page caches and statements (native).
        _meter.CreateObservableGauge("jumysbot_gc_heap_bytes", () => GC.GetTotalMemory(forceFullCollection: false), unit: "By", description: "Managed heap in use");
        _meter.CreateObservableGauge("jumysbot_gc_committed_bytes", () => GC.GetGCMemoryInfo().TotalCommittedBytes, unit: "By", description: "Memory the GC holds committed, in use or kept for later");
        _meter.CreateObservableGauge("jumysbot_sqlite_memory_bytes", () => SQLitePCL.raw.sqlite3_memory_used(), unit: "By", description: "Memory SQLite holds (page caches, statements)");

        // The JIT keeps compiling for a while after start (tiered compilation promotes hot methods); its code stays in memory.
        _meter.CreateObservableGauge("jumysbot_jit_compiled_methods", () => System.Runtime.JitInfo.GetCompiledMethodCount(), description: "Methods the JIT compiled so far");
        _meter.CreateObservableGauge("jumysbot_jit_time_seconds", () => System.Runtime.JitInfo.GetCompilationTime().TotalSeconds, unit: "s", description: "Time spent compiling so far");
    }

    internal Meter Meter => _meter;

    public Counter<long> UpdatesReceived { get; }

    public Counter<long> UpdatesHandled { get; }

    public Counter<long> InboxTransactions { get; }

    public Histogram<double> HandlerDuration { get; }

    public Counter<long> Sends { get; }

    public Counter<long> LeadsCreated { get; }

    public Counter<long> TakenOver { get; }

    public Histogram<double> ChatLockWait { get; }

    public Counter<long> ClaimConflicts { get; }

    /// <summary>Registers the outbox gauges; <paramref name="read"/> is called at each collection (a scrape or an OTLP push).</summary>
    public void ObserveOutbox(Func<(long Backlog, double OldestAgeSeconds)> read)
    {
        _meter.CreateObservableGauge("jumysbot_outbox_backlog", () => read().Backlog, description: "Messages waiting to be sent");
        _meter.CreateObservableGauge("jumysbot_outbox_oldest_age_seconds", () => read().OldestAgeSeconds, unit: "s", description: "Age of the oldest waiting message");
    }

    public void Dispose() => _meter.Dispose();
}
