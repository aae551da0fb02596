using System.Globalization;
using System.Text;
using JumysBot.Leads.Points;
using JumysBot.Storage;

namespace JumysBot.Leads.Reports;

/// <summary>
/// The ratings people gave after their requests were done, per point, for <c>/stats</c>: how many were asked and how
/// many answered, the average (one decimal) and how many gave each of 1 to 5. Only counts: no comment is shown here.
/// </summary>
public static class RatingsReport
{
    public static async Task AppendAsync(StringBuilder report, StorageTransaction tx, PointCatalog points, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(tx);
        ArgumentNullException.ThrowIfNull(points);
        var rows = (await tx.Leads.RatingsByPointAsync(cancellationToken))
            .Select(r => new PointRatings(r.PointId, r.Asked, r.ByStars))
            .ToList();

        report.Append("\n\nОценки помощи после завершения заявки:");
        if (rows.Count == 0)
        {
            report.Append(" пока нет данных.");
            return;
        }

        foreach (var row in rows)
        {
            report.Append('\n').Append(points.FindPoint(row.PointId)?.Name.Ru ?? row.PointId).Append(": ").Append(row.Describe(withDistribution: true));
        }

        var total = new PointRatings("", rows.Sum(r => r.Asked), [.. Enumerable.Range(0, 5).Select(i => rows.Sum(r => r.Counts[i]))]);
        report.Append("\nВсего: ").Append(total.Describe(withDistribution: false));
    }
}

/// <summary>One point's ratings: how many people were asked, and how many gave 1, 2, 3, 4 and 5.</summary>
public sealed record PointRatings(string PointId, int Asked, IReadOnlyList<int> Counts)
{
    public int Answered => Counts.Sum();

    /// <summary>The average rating rounded to one decimal, or null when nobody answered.</summary>
    public double? Average => Answered == 0
        ? null
        : Math.Round(Counts.Select((count, i) => count * (i + 1)).Sum() / (double)Answered, 1, MidpointRounding.AwayFromZero);

    public string Describe(bool withDistribution)
    {
        var line = new StringBuilder(string.Create(CultureInfo.InvariantCulture, $"спросили {Asked}, ответили {Answered}"));
        if (Average is { } average)
        {
            // Russian writes a decimal comma: 4,5.
            line.Append(", средняя оценка ").Append(average.ToString("0.0", CultureInfo.InvariantCulture).Replace('.', ','));
            if (withDistribution)
            {
                line.Append("; по баллам: ").AppendJoin(", ", Counts.Select((count, i) => string.Create(CultureInfo.InvariantCulture, $"{i + 1} — {count}")));
            }
        }

        return line.Append('.').ToString();
    }
}
