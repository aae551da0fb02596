using JumysBot.Conversations;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace JumysBot.Updates;

/// <summary>Runs the <see cref="OutboxSender"/>: woken by each committed update, and once a second for retries.</summary>
public sealed partial class OutboxSenderService(OutboxSender sender, OutboxSignal signal, ILogger<OutboxSenderService> logger)
    : BackgroundService
{
    private static readonly TimeSpan _idleWait = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan _throttledWait = TimeSpan.FromMilliseconds(50);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await sender.SendDueAsync(stoppingToken) == 0)
                {
                    // Waiting only for a rate limit: look again soon, not in a second.
                    await signal.WaitAsync(sender.Throttled ? _throttledWait : _idleWait, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The store may be briefly unavailable; the rows stay and are sent on the next round.
                LogRoundFailed(e);
                await Task.Delay(_idleWait, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "An outbox round failed; retrying")]
    private partial void LogRoundFailed(Exception exception);
}
