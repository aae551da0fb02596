using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace JumysBot.Hosting;

/// <summary>
/// <c>/healthz</c> answers <c>ok</c> while the process runs; <c>/readyz</c> runs the readiness checks and answers 200 when
/// all pass, 503 otherwise, with each check's state by name (<c>{"database":"ok","outbox":"backlog 6000",…}</c>).
/// </summary>
public static class HealthEndpoints
{
    private const string ReadyTag = "ready";

    public static IServiceCollection AddBotHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<DatabaseCheck>("database", tags: [ReadyTag])
            .AddCheck<ReceivingCheck>("receiving", tags: [ReadyTag])
            .AddCheck<OutboxBacklogCheck>("outbox", tags: [ReadyTag])
            .AddCheck<DrainingCheck>("draining", tags: [ReadyTag]);
        return services;
    }

    public static IEndpointRouteBuilder MapBotHealthChecks(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapHealthChecks("/healthz", new HealthCheckOptions
        {
            Predicate = _ => false,
            ResponseWriter = (context, _) => WriteTextAsync(context, "ok"),
        });
        app.MapHealthChecks("/readyz", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(ReadyTag),
            ResponseWriter = WriteChecksAsync,
        });
        return app;
    }

    private static Task WriteTextAsync(HttpContext context, string text)
    {
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(text, context.RequestAborted);
    }

    private static Task WriteChecksAsync(HttpContext context, HealthReport report)
    {
        var checks = report.Entries.ToDictionary(
            e => e.Key,
            e => e.Value.Status == HealthStatus.Healthy ? "ok" : e.Value.Description ?? e.Value.Status.ToString());
        context.Response.ContentType = "application/json; charset=utf-8";
        return JsonSerializer.SerializeAsync(context.Response.Body, checks, HealthJsonContext.Default.DictionaryStringString, context.RequestAborted);
    }
}
