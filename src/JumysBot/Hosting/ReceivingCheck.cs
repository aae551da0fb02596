using JumysBot.Telegram;
using JumysBot.Updates;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace JumysBot.Hosting;

/// <summary>Ready only when updates arrived (a getUpdates answer, a webhook call or its registration) within the last minute.</summary>
public sealed class ReceivingCheck(ReceiverStatus status, TimeProvider time) : IHealthCheck
{
    private static readonly TimeSpan _staleAfter = TimeSpan.FromMinutes(1);

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(status.LastActive is { } at && time.GetUtcNow() - at < _staleAfter
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("stale"));
}
