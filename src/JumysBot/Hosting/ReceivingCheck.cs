using JumysBot.Telegram;
using JumysBot.Updates;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace JumysBot.Hosting;

/// <summary>
/// Polling: ready only while getUpdates answers (it answers at least every polling timeout, updates or none). Webhook:
/// ready once Telegram was told where to post; posts stop only when people are quiet, and an instance taken out of the
/// balancer for that would never hear the next one.
/// </summary>
public sealed class ReceivingCheck(ReceiverStatus status, TimeProvider time) : IHealthCheck
{
    private static readonly TimeSpan _staleAfter = TimeSpan.FromMinutes(1);

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(status.IsWebhookRegistered || (status.LastActive is { } at && time.GetUtcNow() - at < _staleAfter)
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("stale"));
}
