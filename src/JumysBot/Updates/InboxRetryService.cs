using JumysBot.Hosting;
using JumysBot.Storage;
using Microsoft.Extensions.Logging;

namespace JumysBot.Updates;

/// <summary>Every few seconds, hands updates the store could not handle (a locked or full disk) back to the dispatcher.</summary>
public sealed class InboxRetryService(InboxWriter inbox, TimeProvider time, JobLeadership leadership, ILogger<InboxRetryService> logger)
    : PeriodicJob(TimeSpan.FromSeconds(5), time, leadership, logger)
{
    protected override Task<int> RunOnceAsync(CancellationToken cancellationToken) => inbox.ReplayUnhandledAsync(cancellationToken);
}
