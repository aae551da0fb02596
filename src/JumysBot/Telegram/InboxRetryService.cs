using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace JumysBot.Telegram;

/// <summary>Every few seconds, hands updates the store could not handle (a locked or full disk) back to the dispatcher.</summary>
public sealed partial class InboxRetryService(InboxWriter inbox, ILogger<InboxRetryService> logger) : BackgroundService
{
    private static readonly TimeSpan _interval = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(_interval, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            try
            {
                if (await inbox.ReplayUnhandledAsync(stoppingToken) is var retried and > 0)
                {
                    LogRetried(retried);
                }
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // Still failing: try again at the next round.
                LogStillFailing(e.GetType().Name);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retrying {Count} updates left unhandled")]
    private partial void LogRetried(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The inbox cannot be read yet ({Error}); retrying")]
    private partial void LogStillFailing(string error);
}
