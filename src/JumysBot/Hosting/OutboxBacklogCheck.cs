using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace JumysBot.Hosting;

/// <summary>Ready only while fewer than <see cref="BotOptions.ReadyMaxBacklog"/> messages wait in the outbox.</summary>
public sealed class OutboxBacklogCheck(OutboxStatsCache outbox, IOptions<BotOptions> options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var (backlog, _) = await outbox.RefreshAsync(cancellationToken);
        return backlog switch
        {
            // The database did not answer: the database check says so, and decides how much that matters.
            < 0 => HealthCheckResult.Degraded("unknown"),
            _ when backlog < options.Value.ReadyMaxBacklog => HealthCheckResult.Healthy(),
            _ => HealthCheckResult.Unhealthy($"backlog {backlog}"),
        };
    }
}
