using JumysBot.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace JumysBot.Hosting;

/// <summary>Ready only while the database answers a read within a few seconds.</summary>
public sealed class DatabaseCheck(BotDatabase database) : IHealthCheck
{
    private static readonly TimeSpan _bound = TimeSpan.FromSeconds(3);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_bound);
        try
        {
            await using var tx = await database.BeginReadAsync(timeout.Token);
            await tx.Outbox.StatsAsync(timeout.Token);
            return HealthCheckResult.Healthy();
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Any failure here means the same to the operator; the store's own log says why.
            return HealthCheckResult.Unhealthy("unreachable");
        }
    }
}
