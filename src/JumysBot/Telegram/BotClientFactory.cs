using Telegram.Bot;

namespace JumysBot.Telegram;

/// <summary>Builds Telegram.Bot's client from the bot's settings, the same way in the app and in the tests.</summary>
public static class BotClientFactory
{
    /// <param name="httpClient">From <c>IHttpClientFactory</c>, with its loggers removed: the token is in every path.</param>
    public static ITelegramBotClient Create(TelegramOptions settings, HttpClient httpClient)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(httpClient);
        // RetryThreshold 0: the outbox waits out retry_after itself, per chat, so the client never sleeps inside a request.
        var options = new TelegramBotClientOptions(settings.BotToken!, settings.ApiBaseUrl.AbsoluteUri) { RetryThreshold = 0 };
        return new TelegramBotClient(options, httpClient);
    }
}
