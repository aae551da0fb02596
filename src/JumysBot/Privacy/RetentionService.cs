using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace JumysBot.Privacy;

/// <summary>Runs the <see cref="RetentionJob"/> at start and then every hour.</summary>
public sealed partial class RetentionService(RetentionJob job, ILogger<RetentionService> logger) : BackgroundService
{
    private static readonly TimeSpan _interval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var changed = await job.RunAsync(stoppingToken);
                LogRan(changed);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                LogFailed(e);
            }

            await Task.Delay(_interval, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention: {Changed} rows anonymised or deleted")]
    private partial void LogRan(int changed);

    [LoggerMessage(Level = LogLevel.Error, Message = "Retention failed; trying again in an hour")]
    private partial void LogFailed(Exception exception);
}
