using JumysBot.Hosting;
using JumysBot.Storage;
using Microsoft.Extensions.Logging;

namespace JumysBot.Privacy;

/// <summary>Runs the <see cref="RetentionJob"/> at start and then every hour.</summary>
public sealed class RetentionService(RetentionJob job, TimeProvider time, JobLeadership leadership, ILogger<RetentionService> logger)
    : PeriodicJob(TimeSpan.FromHours(1), time, leadership, logger)
{
    protected override bool RunAtStart => true;

    protected override Task<int> RunOnceAsync(CancellationToken cancellationToken) => job.RunAsync(cancellationToken);
}
