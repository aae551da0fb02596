using JumysBot.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace JumysBot.Hosting;

/// <summary>
/// Runs a piece of work at a fixed interval for as long as the bot runs, on one instance of the fleet when several share
/// the store (<see cref="JobLeadership"/>). A failing round is logged and the next one comes as planned, so a briefly
/// unavailable database never stops the job.
/// </summary>
public abstract partial class PeriodicJob(TimeSpan interval, JobLeadership leadership, ILogger logger) : BackgroundService
{
    /// <summary>True to run once right at start, before the first wait.</summary>
    protected virtual bool RunAtStart => false;

    /// <returns>How many items the round dealt with (logged when not zero).</returns>
    protected abstract Task<int> RunOnceAsync(CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var name = GetType().Name;
        if (!RunAtStart)
        {
            await Task.Delay(interval, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await leadership.LeadsAsync(name, stoppingToken) && await RunOnceAsync(stoppingToken) is var count and > 0)
                {
                    LogRan(name, count);
                }
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                LogFailed(e, name);
            }

            await Task.Delay(interval, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Job}: {Count} done")]
    private partial void LogRan(string job, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Job} failed; trying again at the next round")]
    private partial void LogFailed(Exception exception, string job);
}
