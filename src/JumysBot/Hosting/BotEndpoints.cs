using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using JumysBot.Desk;
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

        var telegram = app.ServiceProvider.GetRequiredService<IOptions<TelegramOptions>>().Value;
        if (telegram.Mode == TelegramMode.Webhook)
        {
            app.MapPost(telegram.WebhookPath, ReceiveAsync);
        }

        app.MapBotHealthChecks();
        app.MapBotMetrics();
        app.MapDesk();
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
}
