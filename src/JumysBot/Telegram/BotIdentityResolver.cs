using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

using Telegram.Bot.Exceptions;

using Telegram.Bot;

namespace JumysBot.Telegram;

/// <summary>
/// When <c>Telegram:BotUsername</c> is empty, asks Telegram for the bot's @username (getMe) at start, retrying with a
/// growing pause, so that <c>/poster</c> can build start links. Nothing else waits for it.
/// </summary>
public sealed partial class BotIdentityResolver(ITelegramBotClient client, BotIdentity identity, ILogger<BotIdentityResolver> logger) : BackgroundService
{
    private static readonly TimeSpan _longestPause = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var pause = TimeSpan.FromSeconds(2);
        while (identity.Username is null && !stoppingToken.IsCancellationRequested)
        {
            try
            {
                var me = await client.GetMe(stoppingToken);
                if (string.IsNullOrWhiteSpace(me.Username))
                {
                    LogNoUsername();
                    return;
                }

                identity.Learn(me.Username);
                LogLearned(me.Username);
                return;
            }
            catch (RequestException e)
            {
                LogFailed(e.Message, pause.TotalSeconds);
            }

            await Task.Delay(pause, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            pause = pause * 2 < _longestPause ? pause * 2 : _longestPause;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The bot is @{Username}: start links use it")]
    private partial void LogLearned(string username);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Telegram answered getMe without a username; set Telegram:BotUsername for start links")]
    private partial void LogNoUsername();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Asking Telegram for the bot's username failed ({Message}); trying again in {Seconds} s")]
    private partial void LogFailed(string message, double seconds);
}
