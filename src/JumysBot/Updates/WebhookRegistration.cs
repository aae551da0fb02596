using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

using Telegram.Bot.Exceptions;

using Telegram.Bot;
using JumysBot.Telegram;

namespace JumysBot.Updates;

/// <summary>Webhook mode: replays unhandled updates, then tells Telegram where to post, with the secret and the update kinds.</summary>
public sealed partial class WebhookRegistration(
    ITelegramBotClient client,
    InboxWriter inbox,
    ReceiverStatus status,
    IOptions<TelegramOptions> options,
    ILogger<WebhookRegistration> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await inbox.ReplayUnhandledAsync(stoppingToken);
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var settings = options.Value;
                await client.SetWebhook(settings.WebhookUrl!.AbsoluteUri, allowedUpdates: PollingReceiver.HandledKinds, secretToken: settings.WebhookSecret, cancellationToken: stoppingToken);
                status.MarkWebhookRegistered();
                LogRegistered(settings.WebhookPath);
                return;
            }
            catch (ApiRequestException e) when (e.ErrorCode == 401)
            {
                LogBadToken();
                Environment.ExitCode = 2;
                return;
            }
            catch (RequestException e)
            {
                LogFailed(e.Message);
                await Task.Delay(TimeSpan.FromSeconds(Math.Min(30, Math.Pow(2, ++failures))), stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Webhook registered; updates arrive at {Path}")]
    private partial void LogRegistered(string path);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Telegram rejected the bot token (401 Unauthorized). Check Telegram:BotToken.")]
    private partial void LogBadToken();

    [LoggerMessage(Level = LogLevel.Warning, Message = "setWebhook failed ({Message}); retrying")]
    private partial void LogFailed(string message);
}
