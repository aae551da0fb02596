using JumysBot.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace JumysBot.Desk;

/// <summary>
/// Every minute, deletes the desk's notes on requests whose person was forgotten (/forget or the retention term), so
/// erasure reaches them too. It runs whether or not the desk is on now: notes written while it was stay personal.
/// </summary>
public sealed partial class DeskNoteEraser(BotDatabase database, TimeProvider time, ILogger<DeskNoteEraser> logger) : BackgroundService
{
    private static readonly TimeSpan _round = TimeSpan.FromMinutes(1);

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        await using var tx = await database.BeginAsync(cancellationToken);
        var erased = await DeskStore.ForgetNotesOfAnonymisedAsync(tx, cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return erased;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(_round, time, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            try
            {
                if (!stoppingToken.IsCancellationRequested && await RunAsync(stoppingToken) is var erased and > 0)
                {
                    LogErased(erased);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(e.Message);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Erased {Count} desk notes of forgotten requests")]
    private partial void LogErased(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Erasing the desk notes of forgotten requests failed: {Reason}; tried again in a minute")]
    private partial void LogFailed(string reason);
}
