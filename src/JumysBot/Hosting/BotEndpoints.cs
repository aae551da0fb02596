using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using JumysBot.Storage;
using JumysBot.Telegram;
using JumysBot.Telegram.Types;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace JumysBot.Hosting;

/// <summary>The HTTP side: the Telegram webhook (in webhook mode), <c>/healthz</c>, <c>/readyz</c> and <c>/metrics</c>.</summary>
public static class BotEndpoints
{
    public const string SecretHeader = "X-Telegram-Bot-Api-Secret-Token";

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

        Update? update;
        try
        {
            update = await JsonSerializer.DeserializeAsync(context.Request.Body, TelegramJsonContext.Default.Update, context.RequestAborted);
        }
        catch (JsonException)
        {
            // Not an update Telegram would send; answering 200 keeps it from retrying the same body forever.
            return Results.Ok();
        }

        if (update is not null)
        {
            await inbox.AcceptAsync([update], context.RequestAborted);
        }

        status.MarkActive();
        return Results.Ok();
    }
}
