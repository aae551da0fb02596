using System.Data.Common;
using JumysBot.Conversations;
using JumysBot.Storage;
using JumysBot.Telegram;
using JumysBot.Updates;
using Microsoft.Extensions.Hosting;

namespace JumysBot.Hosting;

/// <summary>
/// On SIGTERM, after receiving has stopped: lets the handlers in flight finish, sends what the outbox can within a few
/// seconds, and closes the database connections. What is left stays stored and goes out after the next start.
/// </summary>
public sealed class ShutdownDrain(ChatDispatcher dispatcher, OutboxSender sender, BotDatabase database) : IHostedService
{
    private static readonly TimeSpan _handlersBound = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan _outboxBound = TimeSpan.FromSeconds(5);

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        using var handlers = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        handlers.CancelAfter(_handlersBound);
        await dispatcher.WhenIdleAsync(handlers.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);

        using var outbox = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        outbox.CancelAfter(_outboxBound);
        try
        {
            while (!outbox.IsCancellationRequested && (await sender.SendDueAsync(outbox.Token) > 0 || sender.Throttled))
            {
                if (sender.Throttled)
                {
                    await Task.Delay(50, outbox.Token);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The bound is reached: the rest is sent after the next start.
        }
        catch (DbException)
        {
            // The store is not reachable: nothing can be sent now; what is stored goes out after the next start.
        }

        database.ReleaseConnections();
    }
}
