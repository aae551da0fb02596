using System.Globalization;
using System.Text;
using JumysBot.Catalog;
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
