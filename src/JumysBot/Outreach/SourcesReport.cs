using System.Globalization;
using System.Text;
using JumysBot.Content;
using JumysBot.Leads.Reports;
using JumysBot.Leads;
using JumysBot.Storage;

namespace JumysBot.Outreach;

/// <summary>The <c>/stats</c> section of starts, requests and finished requests by the start link (and campaign) people came through.</summary>
public sealed class SourcesReport(ContentStore content) : IStatsSection
{
    public int Order => 10;

    public async Task AppendAsync(StorageTransaction tx, StringBuilder report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tx);
        ArgumentNullException.ThrowIfNull(report);
        report.Append("\nПо источникам (начали / заявок / завершено):\n");
        foreach (var row in await tx.Leads.CountBySourceAsync(cancellationToken))
        {
            report.Append(SourceName(row.Source));
            if (row.Campaign.Length > 0)
            {
                report.Append(", кампания ").Append(row.Campaign);
            }

            report.Append(CultureInfo.InvariantCulture, $": {row.Starts} / {row.Leads} / {row.Done}\n");
        }
    }

    private string SourceName(string source)
    {
        if (!DeepLink.TryParse(source, out var link))
        {
            return "без ссылки";
        }

        var current = content.Current;
        var name = link.Target switch
        {
            DeepLinkTarget.Point => current.Points.FindPoint(link.Id)?.Name.Ru,
            DeepLinkTarget.Measure => current.Measures.Find(link.Id)?.Title.Ru,
            _ => null,
        };
        return name is null ? source : $"{source} ({name})";
    }
}
