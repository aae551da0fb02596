using System.Collections.Concurrent;
using System.Text;
using JumysBot.Tests.FakeBotApi;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace JumysBot.Tests.Hosting;

/// <summary>With <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> set, the bot's metrics also go to an OTLP collector.</summary>
public sealed class OtlpExportTests
{
    [Fact]
    public async Task With_an_otlp_endpoint_the_bots_metrics_are_pushed_to_it()
    {
        await using var collector = await Collector.StartAsync();
        await using var api = await FakeBotApiServer.StartAsync();
        await using var bot = await BotUnderTest.StartAsync(api, settings: new Dictionary<string, string?>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = collector.Address.ToString(),
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "200",
        });
        await LeadScript.RequestJobCoachAsync(new TelegramPerson(api, 42101, "ru", firstName: "Динара"), place: "Балхаш");

        // OTLP is protobuf: names and attribute values travel as plain UTF-8 strings inside it.
        await Eventually.TrueAsync(() => collector.Bodies.Any(b => b.Contains("jumysbot_leads_created", StringComparison.Ordinal) && b.Contains("career-balkhash", StringComparison.Ordinal)), "an OTLP push with the lead");
        Assert.Contains(collector.Bodies, b => b.Contains("jumysbot_handler_duration_ms", StringComparison.Ordinal));
        Assert.All(collector.Paths, path => Assert.Equal("/v1/metrics", path));
    }

    /// <summary>A stand-in OTLP/HTTP collector on 127.0.0.1 that keeps what it is sent.</summary>
    private sealed class Collector : IAsyncDisposable
    {
        private readonly WebApplication _app;

        private Collector(WebApplication app) => _app = app;

        public ConcurrentQueue<string> Bodies { get; } = new();

        public ConcurrentQueue<string> Paths { get; } = new();

        public Uri Address => new(_app.Urls.First());

        public static async Task<Collector> StartAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            var app = builder.Build();
            var collector = new Collector(app);
            app.Run(async context =>
            {
                using var body = new MemoryStream();
                await context.Request.Body.CopyToAsync(body, context.RequestAborted);
                collector.Paths.Enqueue(context.Request.Path.Value ?? "");
                collector.Bodies.Enqueue(Encoding.UTF8.GetString(body.ToArray()));
                context.Response.StatusCode = StatusCodes.Status200OK;
            });
            await app.StartAsync();
            return collector;
        }

        public async ValueTask DisposeAsync()
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
