using System.Globalization;
using System.Text;
using JumysBot.Catalog;
using JumysBot.Content;
using JumysBot.Storage;

namespace JumysBot.Leads;

/// <summary>The figures for the akim's meetings: requests by point, kind and status, the funnel, and time to first contact.</summary>
public sealed class LeadReports(ContentStore content)
{
    public async Task<string> StatsAsync(StorageTransaction tx, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tx);
        var points = content.Current.Points;
        var report = new StringBuilder("Заявки по пунктам:\n");
        foreach (var row in await tx.Leads.ReportAsync("SELECT point_id, COUNT(*) FROM leads GROUP BY point_id ORDER BY COUNT(*) DESC, point_id", cancellationToken))
        {
            report.Append(points.FindPoint(row[0])?.Name.Ru ?? row[0]).Append(": ").Append(row[1]).Append('\n');
        }

        report.Append("\nПо видам:\n");
        foreach (var row in await tx.Leads.ReportAsync("SELECT kind, COUNT(*) FROM leads GROUP BY kind ORDER BY kind", cancellationToken))
        {
            report.Append(row[0]).Append(": ").Append(row[1]).Append('\n');
        }

        report.Append("\nПо статусам:\n");
        foreach (var row in await tx.Leads.ReportAsync("SELECT status, COUNT(*) FROM leads GROUP BY status ORDER BY status", cancellationToken))
        {
            report.Append(row[0]).Append(": ").Append(row[1]).Append('\n');
        }

        await AppendSourcesAsync(tx, report, cancellationToken);

        var funnel = (await tx.Leads.ReportAsync(
            """
            SELECT (SELECT COUNT(*) FROM funnel_events WHERE name = 'started'),
                   (SELECT COUNT(*) FROM funnel_events WHERE name = 'consented'),
                   (SELECT COUNT(*) FROM leads),
                   (SELECT COUNT(DISTINCT lead_id) FROM lead_history WHERE status = 'InProgress'),
                   (SELECT COUNT(*) FROM leads WHERE status = 'Done')
            """, cancellationToken))[0];
        report.Append(CultureInfo.InvariantCulture, $"\nВоронка: начали {funnel[0]}, дали согласие {funnel[1]}, отправили {funnel[2]}, взяты в работу {funnel[3]}, завершены {funnel[4]}.\n");

        var waits = (await tx.Leads.ReportAsync("SELECT first_contact_at - created_at FROM leads WHERE first_contact_at IS NOT NULL ORDER BY 1", cancellationToken))
            .Select(r => long.Parse(r[0], CultureInfo.InvariantCulture)).ToList();
        report.Append(waits.Count == 0
            ? "Время до первого контакта: пока нет данных."
            : $"Время до первого контакта (медиана): {FormatDuration(Median(waits))}.");
        await RatingsReport.AppendAsync(report, tx, points, cancellationToken);
        return report.ToString();
    }

    /// <summary>Starts, requests and finished requests by the start link (and campaign) people came through.</summary>
    private async Task AppendSourcesAsync(StorageTransaction tx, StringBuilder report, CancellationToken cancellationToken)
    {
        report.Append("\nПо источникам (начали / заявок / завершено):\n");
        foreach (var row in await tx.Leads.ReportAsync(
            """
            SELECT source, campaign, SUM(starts), SUM(leads), SUM(done) FROM (
                SELECT COALESCE(source, '') AS source, COALESCE(campaign, '') AS campaign, 1 AS starts, 0 AS leads, 0 AS done FROM arrivals
                UNION ALL
                SELECT COALESCE(source, ''), COALESCE(campaign, ''), 0, 1, CASE WHEN status = 'Done' THEN 1 ELSE 0 END FROM leads) AS origins
            GROUP BY source, campaign
            ORDER BY source = '', SUM(leads) DESC, source, campaign
            """, cancellationToken))
        {
            report.Append(SourceName(row[0]));
            if (row[1].Length > 0)
            {
                report.Append(", кампания ").Append(row[1]);
            }

            report.Append(CultureInfo.InvariantCulture, $": {row[2]} / {row[3]} / {row[4]}\n");
        }
    }

    private string SourceName(string source)
    {
        if (!Outreach.DeepLink.TryParse(source, out var link))
        {
            return "без ссылки";
        }

        var current = content.Current;
        var name = link.Target switch
        {
            Outreach.DeepLinkTarget.Point => current.Points.FindPoint(link.Id)?.Name.Ru,
            Outreach.DeepLinkTarget.Measure => current.Measures.Find(link.Id)?.Title.Ru,
            _ => null,
        };
        return name is null ? source : $"{source} ({name})";
    }

    public static long Median(IReadOnlyList<long> sorted)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static string FormatDuration(long milliseconds)
    {
        var time = TimeSpan.FromMilliseconds(milliseconds);
        return time.TotalHours >= 1
            ? string.Create(CultureInfo.InvariantCulture, $"{(int)time.TotalHours} ч {time.Minutes} мин")
            : string.Create(CultureInfo.InvariantCulture, $"{Math.Max(1, (int)Math.Round(time.TotalMinutes))} мин");
    }
}
