using System.Text;
using JumysBot.Storage;

namespace JumysBot.Leads.Reports;

/// <summary>A section another feature adds to <c>/stats</c>, after the requests by point, kind and status.</summary>
public interface IStatsSection
{
    int Order { get; }

    Task AppendAsync(StorageTransaction tx, StringBuilder report, CancellationToken cancellationToken);
}
