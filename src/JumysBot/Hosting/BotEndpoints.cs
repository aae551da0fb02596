using JumysBot.Desk;
using JumysBot.Telegram;
using JumysBot.Updates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace JumysBot.Hosting;

/// <summary>The HTTP side: the Telegram webhook (in webhook mode), <c>/healthz</c>, <c>/readyz</c> and <c>/metrics</c>.</summary>
public static class BotEndpoints
{
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
            app.MapTelegramWebhook(telegram.WebhookPath);
        }

        app.MapBotHealthChecks();
        app.MapBotMetrics();
        app.MapDesk();
        return app;
    }
}
