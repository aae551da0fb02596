using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace JumysBot.Hosting;

/// <summary>Not ready from the moment the instance starts to stop: a load balancer sends no more webhook calls while it drains.</summary>
public sealed class DrainingCheck(IHostApplicationLifetime lifetime) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(lifetime.ApplicationStopping.IsCancellationRequested
            ? HealthCheckResult.Unhealthy("draining")
            : HealthCheckResult.Healthy());
}
