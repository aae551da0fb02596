using JumysBot.Storage;
using JumysBot.Updates;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace JumysBot.Hosting;

/// <summary>
/// Ready only while the database answers a read within a few seconds. In webhook mode an unreachable database is
/// reported as degraded (200, <c>"database":"unreachable"</c>): the instance stays in its balancer and each person who
/// writes meanwhile gets one apology, instead of every instance being taken out and nobody answering.
/// </summary>
public sealed class DatabaseCheck(BotDatabase database, ReceiverStatus receiver) : IHealthCheck
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
            return new HealthCheckResult(receiver.IsWebhookRegistered ? HealthStatus.Degraded : HealthStatus.Unhealthy, "unreachable");
        }
    }
}
