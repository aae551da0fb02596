using System.Data.Common;
using JumysBot.Storage;
using JumysBot.Telegram;
using JumysBot.Updates;

namespace JumysBot.Hosting;

/// <summary>
/// The outbox figures behind the gauges and the readiness check. A scrape of <c>/metrics</c> reads them from the database
/// first; an OTLP push, which cannot wait for the database, takes the last figures and has them refreshed in the background.
/// </summary>
public sealed class OutboxStatsCache
{
    private static readonly TimeSpan _freshFor = TimeSpan.FromSeconds(10);

    private readonly BotDatabase _database;
    private readonly TimeProvider _time;
    private OutboxFigures _last = new(0, 0, DateTimeOffset.MinValue);
    private int _refreshing;

    public OutboxStatsCache(BotDatabase database, BotMetrics metrics, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        _database = database;
        _time = time;
        metrics.ObserveOutbox(Read);
    }

    /// <returns>The backlog and the age of the oldest message; -1 for both when the database does not answer.</returns>
    public async Task<(long Backlog, double OldestAgeSeconds)> RefreshAsync(CancellationToken cancellationToken)
    {
        OutboxFigures figures;
        try
        {
            await using var tx = await _database.BeginReadAsync(cancellationToken);
            var (backlog, oldest) = await tx.Outbox.StatsAsync(cancellationToken);
            figures = new OutboxFigures(backlog, oldest, _time.GetUtcNow());
        }
        catch (DbException)
        {
            figures = new OutboxFigures(-1, -1, _time.GetUtcNow());
        }

        Volatile.Write(ref _last, figures);
        return (figures.Backlog, figures.OldestAgeSeconds);
    }

    private (long Backlog, double OldestAgeSeconds) Read()
    {
        var last = Volatile.Read(ref _last);
        if (_time.GetUtcNow() - last.ReadAt > _freshFor && Interlocked.CompareExchange(ref _refreshing, 1, 0) == 0)
        {
            _ = RefreshInBackgroundAsync();
        }

        return (last.Backlog, last.OldestAgeSeconds);
    }

    private async Task RefreshInBackgroundAsync()
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await RefreshAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            // The figures stay as they were; the next collection asks again.
        }
        catch (ObjectDisposedException)
        {
            // The bot is stopping.
        }
        finally
        {
            Volatile.Write(ref _refreshing, 0);
        }
    }

    private sealed record OutboxFigures(long Backlog, double OldestAgeSeconds, DateTimeOffset ReadAt);
}
