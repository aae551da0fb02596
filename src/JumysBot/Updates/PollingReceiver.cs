using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types.Enums;
using JumysBot.Telegram;

namespace JumysBot.Updates;

/// <summary>
/// Long polling: each batch of updates is written to the inbox before the next getUpdates confirms it,
/// so a crash loses nothing and a redelivered update is dropped by its update_id. The batch is read update by update
/// (<see cref="UpdateReader"/>): one that cannot be read is stored and set aside, and the offset moves past it.
/// </summary>
public sealed partial class PollingReceiver(
    ITelegramBotClient client,
    InboxWriter inbox,
    ReceiverStatus status,
    IOptions<TelegramOptions> options,
    IHostApplicationLifetime lifetime,
    ILogger<PollingReceiver> logger) : BackgroundService
{
    private static readonly TimeSpan _maxBackoff = TimeSpan.FromSeconds(30);

    // A lock held by another process or a full disk clears in seconds; people are waiting, so look again soon.
    private static readonly TimeSpan _maxStorageBackoff = TimeSpan.FromSeconds(3);

    /// <summary>The update kinds the bot asks Telegram for.</summary>
    public static IReadOnlyList<UpdateType> HandledKinds { get; } = [UpdateType.Message, UpdateType.CallbackQuery, UpdateType.MyChatMember];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        int? offset = null;
        var failures = 0;
        var startedUp = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!startedUp)
                {
                    await client.DeleteWebhook(cancellationToken: stoppingToken);
                    if (await inbox.ReplayUnhandledAsync(stoppingToken) is var replayed and > 0)
                    {
                        LogReplayed(replayed);
                    }

                    startedUp = true;
                }

                var batch = await client.SendRequest(
                    new GetUpdatesAsJsonRequest { Offset = offset, Limit = 100, Timeout = options.Value.PollingTimeoutSeconds, AllowedUpdates = HandledKinds },
                    stoppingToken);
                status.MarkActive();
                failures = 0;
                if (batch.Length == 0)
                {
                    continue;
                }

                var updates = new List<ReceivedUpdate>(batch.Length);
                foreach (var element in batch)
                {
                    if (UpdateReader.Read(element) is { } received)
                    {
                        updates.Add(received);
                    }
                    else
                    {
                        LogNoId();
                    }
                }

                var fresh = await inbox.AcceptAsync(updates, stoppingToken);
                if (fresh < updates.Count)
                {
                    LogDuplicates(updates.Count - fresh);
                }

                if (updates.Count > 0)
                {
                    offset = checked((int)updates.Max(u => u.Id) + 1);
                }
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
                await BackOffAsync(++failures, _maxBackoff, stoppingToken);
            }
            catch (System.Data.Common.DbException e)
            {
                // The updates were not stored, so the offset stays: Telegram hands them over again.
                LogStoreFailed(Storage.StoreError.CodeOf(e), e.Message);
                await BackOffAsync(++failures, _maxStorageBackoff, stoppingToken);
            }
            catch (Exception e)
            {
                // Network errors, 5xx: wait and poll again, never give up.
                LogPollFailed(e.GetType().Name, e.Message);
                await BackOffAsync(++failures, _maxBackoff, stoppingToken);
            }
        }
    }

    private static async Task BackOffAsync(int failures, TimeSpan max, CancellationToken cancellationToken)
    {
        var delay = TimeSpan.FromSeconds(Math.Min(max.TotalSeconds, Math.Pow(2, Math.Min(failures, 10)) / 2));
        await Task.Delay(delay, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "Telegram rejected the bot token (401 Unauthorized). Check Telegram:BotToken; the bot stops.")]
    private partial void LogBadToken();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Telegram answered 409 Conflict: another copy of the bot is polling, or a webhook is set. Retrying")]
    private partial void LogConflict();

    [LoggerMessage(Level = LogLevel.Warning, Message = "getUpdates failed ({Error}: {Message}); retrying")]
    private partial void LogPollFailed(string error, string message);

    [LoggerMessage(Level = LogLevel.Error, Message = "Received updates could not be stored ({Code}: {Message}); they stay with Telegram and are fetched again")]
    private partial void LogStoreFailed(string code, string message);

    [LoggerMessage(Level = LogLevel.Warning, Message = "getUpdates returned an element without an update_id; it cannot be stored and is skipped")]
    private partial void LogNoId();

    [LoggerMessage(Level = LogLevel.Information, Message = "Dropped {Count} redelivered updates")]
    private partial void LogDuplicates(int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Replaying {Count} updates stored before the last stop")]
    private partial void LogReplayed(int count);
}
