using JumysBot.Hosting;
using JumysBot.Storage;
using Microsoft.Extensions.Logging;

namespace JumysBot.Leads.FollowUp;

/// <summary>Runs <see cref="LeadFollowUp"/> once a minute.</summary>
public sealed class LeadFollowUpService(LeadFollowUp followUp, TimeProvider time, JobLeadership leadership, ILogger<LeadFollowUpService> logger)
    : PeriodicJob(TimeSpan.FromMinutes(1), time, leadership, logger)
{
    protected override Task<int> RunOnceAsync(CancellationToken cancellationToken) => followUp.RunAsync(cancellationToken);
}
