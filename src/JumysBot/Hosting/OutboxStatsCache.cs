using JumysBot.Storage;
using JumysBot.Telegram;

namespace JumysBot.Hosting;

/// <summary>The outbox figures behind the gauges: read from the database when <c>/metrics</c> is scraped.</summary>
public sealed class OutboxStatsCache
{
    private readonly BotDatabase _database;
    private (long Backlog, double OldestAgeSeconds) _last;

    public OutboxStatsCache(BotDatabase database, BotMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        _database = database;
        metrics.ObserveOutbox(() => _last);
    }

    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var tx = await _database.BeginReadAsync(cancellationToken);
            _last = await tx.Outbox.StatsAsync(cancellationToken);
        }
        catch (System.Data.Common.DbException)
        {
            _last = (-1, -1);
        }
    }
}
