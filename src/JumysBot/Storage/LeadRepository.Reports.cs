using System.Data.Common;

namespace JumysBot.Storage;

/// <summary>How many requests of one point, kind or status.</summary>
public sealed record CountBy(string Key, long Count);

/// <summary>The request funnel: flows started, consent given, requests sent, taken, done.</summary>
public sealed record FunnelCounts(long Started, long Consented, long Submitted, long Taken, long Done);

/// <summary>Starts, requests and finished requests of one start link and campaign (empty: none).</summary>
public sealed record SourceCounts(string Source, string Campaign, long Starts, long Leads, long Done);

/// <summary>A point's ratings: how many people were asked, and how many gave 1, 2, 3, 4 and 5.</summary>
public sealed record RatingCounts(string PointId, int Asked, IReadOnlyList<int> ByStars);

/// <summary>The aggregate queries behind <c>/stats</c>: counts only, nothing about a person.</summary>
public sealed partial class LeadRepository
{
    public Task<IReadOnlyList<CountBy>> CountByPointAsync(CancellationToken cancellationToken) =>
        QueryAsync("SELECT point_id, COUNT(*) FROM leads GROUP BY point_id ORDER BY COUNT(*) DESC, point_id", CountOf, cancellationToken);

    public Task<IReadOnlyList<CountBy>> CountByKindAsync(CancellationToken cancellationToken) =>
        QueryAsync("SELECT kind, COUNT(*) FROM leads GROUP BY kind ORDER BY kind", CountOf, cancellationToken);

    public Task<IReadOnlyList<CountBy>> CountByStatusAsync(CancellationToken cancellationToken) =>
        QueryAsync("SELECT status, COUNT(*) FROM leads GROUP BY status ORDER BY status", CountOf, cancellationToken);

    public async Task<FunnelCounts> FunnelAsync(CancellationToken cancellationToken) =>
        (await QueryAsync(
            """
            SELECT (SELECT COUNT(*) FROM funnel_events WHERE name = 'started'),
                   (SELECT COUNT(*) FROM funnel_events WHERE name = 'consented'),
                   (SELECT COUNT(*) FROM leads),
                   (SELECT COUNT(DISTINCT lead_id) FROM lead_history WHERE status = 'InProgress'),
                   (SELECT COUNT(*) FROM leads WHERE status = 'Done')
            """,
            r => new FunnelCounts(Long(r, 0), Long(r, 1), Long(r, 2), Long(r, 3), Long(r, 4)),
            cancellationToken))[0];

    /// <summary>Milliseconds from each request to its first contact, shortest first.</summary>
    public Task<IReadOnlyList<long>> FirstContactWaitsAsync(CancellationToken cancellationToken) =>
        QueryAsync("SELECT first_contact_at - created_at FROM leads WHERE first_contact_at IS NOT NULL ORDER BY 1", r => Long(r, 0), cancellationToken);

    public Task<IReadOnlyList<SourceCounts>> CountBySourceAsync(CancellationToken cancellationToken) =>
        QueryAsync(
            """
            SELECT source, campaign, SUM(starts), SUM(leads), SUM(done) FROM (
                SELECT COALESCE(source, '') AS source, COALESCE(campaign, '') AS campaign, 1 AS starts, 0 AS leads, 0 AS done FROM arrivals
                UNION ALL
                SELECT COALESCE(source, ''), COALESCE(campaign, ''), 0, 1, CASE WHEN status = 'Done' THEN 1 ELSE 0 END FROM leads) AS origins
            GROUP BY source, campaign
            ORDER BY source = '', SUM(leads) DESC, source, campaign
            """,
            r => new SourceCounts(r.GetString(0), r.GetString(1), Long(r, 2), Long(r, 3), Long(r, 4)),
            cancellationToken);

    public Task<IReadOnlyList<RatingCounts>> RatingsByPointAsync(CancellationToken cancellationToken) =>
        QueryAsync(
            """
            SELECT point_id, COUNT(*),
                   COALESCE(SUM(CASE WHEN rating = 1 THEN 1 ELSE 0 END), 0),
                   COALESCE(SUM(CASE WHEN rating = 2 THEN 1 ELSE 0 END), 0),
                   COALESCE(SUM(CASE WHEN rating = 3 THEN 1 ELSE 0 END), 0),
                   COALESCE(SUM(CASE WHEN rating = 4 THEN 1 ELSE 0 END), 0),
                   COALESCE(SUM(CASE WHEN rating = 5 THEN 1 ELSE 0 END), 0)
            FROM leads WHERE feedback_asked_at IS NOT NULL GROUP BY point_id ORDER BY point_id
            """,
            r => new RatingCounts(r.GetString(0), (int)Long(r, 1), [.. Enumerable.Range(2, 5).Select(i => (int)Long(r, i))]),
            cancellationToken);

    private static CountBy CountOf(DbDataReader reader) => new(reader.GetString(0), Long(reader, 1));

    /// <summary>SQLite and PostgreSQL give counts and sums as different integer (or decimal) types.</summary>
    private static long Long(DbDataReader reader, int column) => Convert.ToInt64(reader.GetValue(column), System.Globalization.CultureInfo.InvariantCulture);

    private async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, Func<DbDataReader, T> read, CancellationToken cancellationToken)
    {
        await using var command = _tx.Command(sql);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(read(reader));
        }

        return rows;
    }
}
