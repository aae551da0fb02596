using JumysBot.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace JumysBot.Hosting;

/// <summary>
/// Runs a piece of work at a fixed interval of the <see cref="TimeProvider"/> for as long as the bot runs, on one instance
/// of the fleet when several share the store (<see cref="JobLeadership"/>). A failing round is logged and the next one
/// comes as planned, so a briefly unavailable database never stops the job. A round that takes longer than the interval
/// is followed by the next at once, not by a pile of missed ones.
/// </summary>
public abstract partial class PeriodicJob(TimeSpan interval, TimeProvider time, JobLeadership leadership, ILogger logger) : BackgroundService
{
    /// <summary>True to run once right at start, before the first wait.</summary>
    protected virtual bool RunAtStart => false;

    /// <returns>How many items the round dealt with (logged when not zero).</returns>
    protected abstract Task<int> RunOnceAsync(CancellationToken cancellationToken);

    private PeriodicTimer? _timer;

    /// <summary>The interval counts from here: ExecuteAsync itself may begin a little later, on the thread pool.</summary>
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        _timer = new PeriodicTimer(interval, time);
        return base.StartAsync(cancellationToken);
    }

    public override void Dispose()
    {
        _timer?.Dispose();
        base.Dispose();
        GC.SuppressFinalize(this);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var timer = _timer ?? throw new InvalidOperationException("The job was not started.");
        try
        {
            if (RunAtStart)
            {
                await RunRoundAsync(stoppingToken);
            }

            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await RunRoundAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The bot is stopping.
        }
    }

    private async Task RunRoundAsync(CancellationToken stoppingToken)
    {
        var name = GetType().Name;
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
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Job}: {Count} done")]
    private partial void LogRan(string job, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Job} failed; trying again at the next round")]
    private partial void LogFailed(Exception exception, string job);
}
