using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace JumysBot.Hosting;

/// <summary>Ready only while fewer than <see cref="BotOptions.ReadyMaxBacklog"/> messages wait in the outbox.</summary>
public sealed class OutboxBacklogCheck(OutboxStatsCache outbox, IOptions<BotOptions> options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var (backlog, _) = await outbox.RefreshAsync(cancellationToken);
        return backlog >= 0 && backlog < options.Value.ReadyMaxBacklog
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy($"backlog {backlog}");
    }
}
