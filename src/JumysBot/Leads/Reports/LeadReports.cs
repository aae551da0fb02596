using System.Globalization;
using System.Text;
using JumysBot.Catalog;
using JumysBot.Content;
using JumysBot.Storage;

namespace JumysBot.Leads.Reports;

/// <summary>The figures for the akim's meetings: requests by point, kind and status, the funnel, and time to first contact.</summary>
public sealed class LeadReports(ContentStore content, IEnumerable<IStatsSection> sections)
{
    private readonly IStatsSection[] _sections = [.. sections.OrderBy(s => s.Order)];

    public async Task<string> StatsAsync(StorageTransaction tx, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tx);
        var points = content.Current.Points;
        var report = new StringBuilder("Заявки по пунктам:\n");
        foreach (var (pointId, count) in await tx.Leads.CountByPointAsync(cancellationToken))
        {
            report.Append(points.FindPoint(pointId)?.Name.Ru ?? pointId).Append(": ").Append(count).Append('\n');
        }

        report.Append("\nПо видам:\n");
        foreach (var (kind, count) in await tx.Leads.CountByKindAsync(cancellationToken))
        {
            report.Append(kind).Append(": ").Append(count).Append('\n');
        }

        report.Append("\nПо статусам:\n");
        foreach (var (status, count) in await tx.Leads.CountByStatusAsync(cancellationToken))
        {
            report.Append(status).Append(": ").Append(count).Append('\n');
        }

        foreach (var section in _sections)
        {
            await section.AppendAsync(tx, report, cancellationToken);
        }

        var funnel = await tx.Leads.FunnelAsync(cancellationToken);
        report.Append(CultureInfo.InvariantCulture, $"\nВоронка: начали {funnel.Started}, дали согласие {funnel.Consented}, отправили {funnel.Submitted}, взяты в работу {funnel.Taken}, завершены {funnel.Done}.\n");

        var waits = await tx.Leads.FirstContactWaitsAsync(cancellationToken);
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
