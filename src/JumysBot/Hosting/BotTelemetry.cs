using JumysBot.Telegram;
using JumysBot.Updates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace JumysBot.Hosting;

/// <summary>
/// Metrics through OpenTelemetry: the bot's meter and the runtime's, served at <c>/metrics</c> in Prometheus text with
/// the names operators already use, and pushed over OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set.
/// </summary>
public static class BotTelemetry
{
    public const string MetricsPath = "/metrics";

    /// <summary>The standard OpenTelemetry setting (an environment variable, or a configuration key of that name).</summary>
    public const string OtlpEndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>The name OpenTelemetry's hosting gives its <c>IMetricsListener</c>.</summary>
    private const string OpenTelemetryListenerName = "OpenTelemetry";

    public static IServiceCollection AddBotTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        // The bot's meter comes from this host's IMeterFactory, and only this host's is collected (MeterScope.Local):
        // OpenTelemetry's AddMeter would match every meter of that name in the process, other hosts' in tests included.
        services.AddMetrics(metrics => metrics.EnableMetrics(BotMetrics.MeterName, instrumentName: null, listenerName: OpenTelemetryListenerName, scopes: MeterScope.Local));
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(serviceName: "jumysbot"))
            .WithMetrics(metrics =>
            {
                metrics.AddRuntimeInstrumentation()
                    .AddView(
                        BotMetrics.HandlerDurationName,
                        new ExplicitBucketHistogramConfiguration { Boundaries = BotMetrics.HandlerDurationBounds })
                    .AddPrometheusExporter(prometheus =>
                    {
                        // The names stay as they were: the instruments are named the Prometheus way already, and the
                        // exporter only adds _total to counters. No scope labels, so every series keeps its label set.
                        prometheus.TranslationStrategy = PrometheusAspNetCoreTranslationStrategy.UnderscoreEscapingWithSuffixes;
                        prometheus.DisableTotalNameSuffixForCounters = false;
                        prometheus.ScopeInfoEnabled = false;
                        // Each scrape is fresh: the benchmark reads figures before and after a round.
                        prometheus.ScrapeResponseCacheDurationMilliseconds = 0;
                    });
                if (!string.IsNullOrWhiteSpace(configuration[OtlpEndpointKey]))
                {
                    metrics.AddOtlpExporter();
                }
            });
        return services;
    }

    /// <summary>Serves <c>/metrics</c>; the outbox figures are read from the database first, so they are those of the scrape.</summary>
    public static IEndpointRouteBuilder MapBotMetrics(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var outbox = app.ServiceProvider.GetRequiredService<OutboxStatsCache>();
        var ports = app.ServiceProvider.GetRequiredService<Microsoft.Extensions.Options.IOptions<BotOptions>>().Value.MetricsPorts();
        app.MapPrometheusScrapingEndpoint(
            MetricsPath,
            meterProvider: null,
            configureBranchedPipeline: branch => branch.Use(async (context, next) =>
            {
                // With Bot:MetricsUrls the figures answer on its ports only, by the port the connection came in on
                // (a Host header could be anything).
                if (ports.Count > 0 && !ports.Contains(context.Connection.LocalPort))
                {
                    context.Response.StatusCode = StatusCodes.Status404NotFound;
                    return;
                }

                await outbox.RefreshAsync(context.RequestAborted);
                await next(context);
            }),
            optionsName: null);
        return app;
    }
}
