using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using JumysBot.Storage;
using JumysBot.Telegram;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace JumysBot.Hosting;

/// <summary>The HTTP side: the Telegram webhook (in webhook mode), <c>/healthz</c>, <c>/readyz</c> and <c>/metrics</c>.</summary>
public static class BotEndpoints
{
    public const string SecretHeader = "X-Telegram-Bot-Api-Secret-Token";

    /// <summary>The largest webhook body taken: 1 MB.</summary>
    public const int MaxUpdateBytes = 1 << 20;

    public static IEndpointRouteBuilder MapJumysBot(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (!app.ServiceProvider.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>().HasBotToken())
        {
            // The terminal chat serves nothing over HTTP.
            return app;
        }

        // The exporter listens from start, so nothing measured before the first scrape is lost.
        app.ServiceProvider.GetRequiredService<PrometheusExporter>();
        var telegram = app.ServiceProvider.GetRequiredService<IOptions<TelegramOptions>>().Value;
        if (telegram.Mode == TelegramMode.Webhook)
        {
            app.MapPost(telegram.WebhookPath, ReceiveAsync);
        }

        app.MapGet("/healthz", () => Results.Text("ok"));
        app.MapGet("/readyz", ReadyAsync);
        app.MapGet("/metrics", MetricsAsync);
        return app;
    }

    /// <summary>An update from Telegram: the secret is checked in constant time, and the update is stored before the 200.</summary>
    private static async Task<IResult> ReceiveAsync(HttpContext context, InboxWriter inbox, ReceiverStatus status, IOptions<TelegramOptions> options)
    {
        var expected = Encoding.UTF8.GetBytes(options.Value.WebhookSecret ?? "");
        var given = Encoding.UTF8.GetBytes(context.Request.Headers[SecretHeader].ToString());
        if (expected.Length == 0 || !CryptographicOperations.FixedTimeEquals(expected, given))
        {
            return Results.Unauthorized();
        }

        if (!context.Request.HasJsonContentType())
        {
            return Results.StatusCode(StatusCodes.Status415UnsupportedMediaType);
        }

        // An update is a few kilobytes; a body a thousand times that is not Telegram's.
        if (context.Request.ContentLength > MaxUpdateBytes)
        {
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxUpdateBytes;
        }

        ReceivedUpdate? update;
        try
        {
            using var body = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
            update = UpdateReader.Read(body.RootElement);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }
        catch (JsonException)
        {
            // Not JSON at all; answering 200 keeps Telegram from retrying the same body forever.
            return Results.Ok();
        }

        // Read as polling reads it: an update of a shape the bot did not expect is stored and set aside.
        if (update is not null)
        {
            await inbox.AcceptAsync([update], context.RequestAborted);
        }

        status.MarkActive();
        return Results.Ok();
    }

    private static async Task<IResult> ReadyAsync(BotDatabase database, ReceiverStatus status, TimeProvider time, IOptions<BotOptions> options, CancellationToken cancellationToken)
    {
        var checks = new Dictionary<string, string>();
        long backlog = -1;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(3));
            await using var tx = await database.BeginReadAsync(timeout.Token);
            backlog = (await tx.Outbox.StatsAsync(timeout.Token)).Backlog;
            checks["database"] = "ok";
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            checks["database"] = "unreachable";
        }

        var lastActive = status.LastActive;
        checks["receiving"] = lastActive is { } at && time.GetUtcNow() - at < TimeSpan.FromMinutes(1) ? "ok" : "stale";
        checks["outbox"] = backlog >= 0 && backlog < options.Value.ReadyMaxBacklog ? "ok" : $"backlog {backlog}";
        var ready = checks.Values.All(v => v == "ok");
        return Results.Json(checks, statusCode: ready ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
    }

    private static async Task<IResult> MetricsAsync(PrometheusExporter exporter, OutboxStatsCache outbox, CancellationToken cancellationToken)
    {
        await outbox.RefreshAsync(cancellationToken);
        return Results.Text(exporter.Render(), "text/plain; version=0.0.4");
    }
}
