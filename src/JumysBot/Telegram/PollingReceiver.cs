using System.Text.Json;
using JumysBot.Conversations;
using JumysBot.Storage;
using JumysBot.Telegram.Types;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace JumysBot.Telegram;

/// <summary>
/// Long polling: each batch of updates is written to the inbox before the next getUpdates confirms it,
/// so a crash loses nothing and a redelivered update is dropped by its update_id.
/// </summary>
public sealed partial class PollingReceiver(
    ITelegramBotClient client,
    BotDatabase database,
    ChatDispatcher dispatcher,
    IOptions<TelegramOptions> options,
    IHostApplicationLifetime lifetime,
    ILogger<PollingReceiver> logger) : BackgroundService
{
    private static readonly UpdateType[] _handledKinds = [UpdateType.Message, UpdateType.CallbackQuery, UpdateType.MyChatMember];
    private static readonly TimeSpan _maxBackoff = TimeSpan.FromSeconds(30);

    /// <summary>When the last getUpdates answered; readiness checks use it.</summary>
    public DateTimeOffset? LastPollAt { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        long? offset = null;
        var failures = 0;
        var startedUp = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!startedUp)
                {
                    await client.DeleteWebhook(cancellationToken: stoppingToken);
                    await ReplayUnhandledAsync(stoppingToken);
                    startedUp = true;
                }

                var updates = await client.GetUpdates(offset, limit: 100, timeout: options.Value.PollingTimeoutSeconds, _handledKinds, stoppingToken);
                LastPollAt = DateTimeOffset.UtcNow;
                failures = 0;
                if (updates.Length == 0)
                {
                    continue;
                }

                foreach (var update in await StoreAsync(updates, stoppingToken))
                {
                    dispatcher.Enqueue(update);
                }

                offset = updates.Max(u => u.Id) + 1;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (ApiRequestException e) when (e.ErrorCode == 401)
            {
                LogBadToken();
                Environment.ExitCode = 2;
                lifetime.StopApplication();
                return;
            }
            catch (ApiRequestException e) when (e.ErrorCode == 409)
            {
                LogConflict();
                await BackOffAsync(++failures, stoppingToken);
            }
            catch (Exception e)
            {
                // Network errors, 5xx, a briefly locked database: wait and poll again, never give up.
                LogPollFailed(e.GetType().Name, e.Message);
                await BackOffAsync(++failures, stoppingToken);
            }
        }
    }

    private async Task<List<Update>> StoreAsync(Update[] updates, CancellationToken cancellationToken)
    {
        var fresh = new List<Update>(updates.Length);
        await using var tx = await database.BeginAsync(cancellationToken);
        foreach (var update in updates.OrderBy(u => u.Id))
        {
            var payload = JsonSerializer.Serialize(update, TelegramJsonContext.Default.Update);
            if (await tx.Inbox.TryAddAsync(update.Id, IncomingMapper.ChatIdOf(update), payload, cancellationToken))
            {
                fresh.Add(update);
            }
        }

        await tx.CommitAsync(cancellationToken);
        if (fresh.Count < updates.Length)
        {
            LogDuplicates(updates.Length - fresh.Count);
        }

        return fresh;
    }

    /// <summary>Updates stored before a crash or stop but never handled are handled first.</summary>
    private async Task ReplayUnhandledAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<(long UpdateId, string Payload)> pending;
        await using (var tx = await database.BeginAsync(cancellationToken))
        {
            pending = await tx.Inbox.PendingAsync(int.MaxValue, cancellationToken);
        }

        foreach (var (updateId, payload) in pending)
        {
            var update = JsonSerializer.Deserialize(payload, TelegramJsonContext.Default.Update) ?? new Update { Id = updateId };
            dispatcher.Enqueue(update);
        }

        if (pending.Count > 0)
        {
            LogReplayed(pending.Count);
        }
    }

    private static async Task BackOffAsync(int failures, CancellationToken cancellationToken)
    {
        var delay = TimeSpan.FromSeconds(Math.Min(_maxBackoff.TotalSeconds, Math.Pow(2, Math.Min(failures, 10)) / 2));
        await Task.Delay(delay, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "Telegram rejected the bot token (401 Unauthorized). Check Telegram:BotToken; the bot stops.")]
    private partial void LogBadToken();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Telegram answered 409 Conflict: another copy of the bot is polling, or a webhook is set. Retrying")]
    private partial void LogConflict();

    [LoggerMessage(Level = LogLevel.Warning, Message = "getUpdates failed ({Error}: {Message}); retrying")]
    private partial void LogPollFailed(string error, string message);

    [LoggerMessage(Level = LogLevel.Information, Message = "Dropped {Count} redelivered updates")]
    private partial void LogDuplicates(int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Replaying {Count} updates stored before the last stop")]
    private partial void LogReplayed(int count);
}
