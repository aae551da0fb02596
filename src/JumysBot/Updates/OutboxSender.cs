using JumysBot.Conversations;
using JumysBot.Storage;
using Microsoft.Extensions.Logging;

using Telegram.Bot.Exceptions;

namespace JumysBot.Updates;

/// <summary>
/// Delivers the outbox in order: most urgent first, each chat's messages in the order they were written.
/// A row is marked sent exactly once; 429 waits for <c>retry_after</c>, 5xx and network errors back off,
/// 403 (the person blocked the bot) stops everything for that chat.
/// </summary>
public sealed partial class OutboxSender(
    BotDatabase database,
    IMessageChannel channel,
    TimeProvider time,
    ILogger<OutboxSender> logger,
    IEnumerable<IChatChanges>? chatChanges = null,
    SendRateLimiter? limiter = null,
    BotMetrics? metrics = null,
    Localization.ITextSource? texts = null,
    OutboxSignal? signal = null,
    InstanceLiveness? liveness = null)
{
    private const int BatchSize = 500;
    internal const int ParallelChats = 8;
    private const int MaxAttempts = 12;

    /// <summary>
    /// How long rows claimed from a shared store stay this instance's: far longer than a claim takes to send (at most
    /// two seconds of the global rate). A crashed instance's rows pass to another sooner, as soon as its liveness lock
    /// is gone (<see cref="ClaimTakeover"/>); the lease is what is left when that cannot be told.
    /// </summary>
    private static readonly TimeSpan _lease = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan _maxBackoff = TimeSpan.FromMinutes(5);

    /// <summary>How long a round may go on sending lower-priority messages after new ones were written.</summary>
    private static readonly TimeSpan _yieldAfter = TimeSpan.FromSeconds(0.5);

    /// <summary>True when the last round left messages waiting only for a chat's rate limit.</summary>
    public bool Throttled { get; private set; }

    /// <summary>
    /// Sends what is due now, within Telegram's limits. Chats are served in parallel (a round trip to Telegram takes
    /// tens of milliseconds, so one at a time could not use the allowed rate); each chat's messages go one by one, in
    /// order, and nothing overtakes a message that has to wait.
    /// </summary>
    /// <returns>How many messages were sent.</returns>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        Throttled = false;
        var leaseUntil = time.GetUtcNow().Add(_lease).ToUnixTimeMilliseconds();
        IReadOnlyList<OutboxItem> pending;
        int? instance = null;
        if (database.IsShared)
        {
            // Other instances drain the same outbox: take a share of it that none of them will send.
            instance = liveness is null ? null : await liveness.IdAsync(cancellationToken);
            await using var claim = await database.BeginAsync(cancellationToken);
            pending = await claim.Outbox.ClaimDueAsync(Math.Min(BatchSize, limiter?.TwoSecondsOfSending ?? BatchSize), limiter?.HalfASecondOfSending ?? 20, leaseUntil, instance, cancellationToken);
            await claim.CommitAsync(cancellationToken);
            if (claim.Outbox.ClaimConflicts > 0)
            {
                metrics?.ClaimConflicts.Add(claim.Outbox.ClaimConflicts);
            }
        }
        else
        {
            await using var read = await database.BeginReadAsync(cancellationToken);
            pending = await read.Outbox.PendingAsync(BatchSize, limiter?.HalfASecondOfSending ?? 20, cancellationToken);
        }

        var roundStarted = time.GetUtcNow();
        var now = roundStarted.ToUnixTimeMilliseconds();
        // Only a shared store has claims to hand back; one instance alone tracks nothing.
        var untried = database.IsShared ? new System.Collections.Concurrent.ConcurrentDictionary<long, byte>(pending.Select(i => KeyValuePair.Create(i.Id, (byte)0))) : null;
        var sent = 0;
        // Grouped in the order of each chat's most urgent message: replies to people come first.
        var chats = pending.GroupBy(i => i.Message.ChatId).ToList();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = ParallelChats, CancellationToken = cancellationToken };
        var marks = new SentMarks(database);
        try
        {
            await Parallel.ForEachAsync(chats, parallel, async (chat, token) =>
            {
                foreach (var item in chat)
                {
                    if (item.NotBefore > now || YieldsToNewerMessages(item, roundStarted) || !ChatReady(chat.Key))
                    {
                        return;
                    }

                    if (instance is { } claimedAs && liveness?.Id != claimedAs)
                    {
                        // This instance's liveness lock went (its connection broke) while it lives: what it claimed
                        // under that number passes to the others (ClaimTakeover), who send it once; it is handed back now.
                        return;
                    }

                    untried?.TryRemove(item.Id, out _);
                    if (!await TrySendSafelyAsync(item, marks, token))
                    {
                        return;
                    }

                    Interlocked.Increment(ref sent);
                }
            });
        }
        finally
        {
            await marks.FlushAsync(CancellationToken.None);
            if (untried is { IsEmpty: false })
            {
                await ReleaseAsync([.. untried.Keys], leaseUntil);
            }
        }

        return sent;
    }

    /// <summary>
    /// A round at Telegram's rate can last many seconds (a burst of people at once). Once it has run for a while and
    /// new messages were written meanwhile, it leaves its lower-priority messages (consultants' cards, reminders,
    /// announcements) for the next round, where new replies to people go first. A short round always finishes, so a
    /// steady trickle of replies never starves the cards.
    /// </summary>
    private bool YieldsToNewerMessages(OutboxItem item, DateTimeOffset roundStarted) =>
        item.Message.Priority > MessagePriority.Reply && signal?.IsPending == true && time.GetUtcNow() - roundStarted > _yieldAfter;

    /// <summary>Rows claimed but not tried go back at once, so another instance need not wait out the lease.</summary>
    private async Task ReleaseAsync(IReadOnlyCollection<long> ids, long leaseUntil)
    {
        try
        {
            await using var tx = await database.BeginAsync(CancellationToken.None);
            await tx.Outbox.ReleaseAsync(ids, leaseUntil, CancellationToken.None);
            await tx.CommitAsync(CancellationToken.None);
        }
        catch (System.Data.Common.DbException)
        {
            // The store is unreachable: the rows go to whichever instance looks first once the lease has passed.
        }
    }

    /// <summary>False, and the round marked throttled, when this chat's own limit says not yet.</summary>
    private bool ChatReady(long chatId)
    {
        if (limiter is null || limiter.ChatReady(chatId))
        {
            return true;
        }

        Throttled = true;
        return false;
    }

    /// <summary>
    /// Waits for the bot-wide limit and takes its token with the chat's, right before the request, so requests reach
    /// Telegram as evenly spaced as the tokens. The chat was found ready, and only this chat's lane takes its tokens.
    /// </summary>
    private async Task TakeSlotAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        while (limiter?.TryTake(message.ChatId) is SendRateLimiter.Result.BotBusy or SendRateLimiter.Result.ChatBusy)
        {
            await Task.Delay(limiter.UntilNextGlobalToken + TimeSpan.FromMilliseconds(1), cancellationToken);
        }

        // A message in parts, or with a venue, is several requests; each further one takes a bot-wide token too.
        for (var further = channel.RequestsFor(message) - 1; further > 0 && limiter is not null; further--)
        {
            while (!limiter.TryTakeGlobal())
            {
                await Task.Delay(limiter.UntilNextGlobalToken, cancellationToken);
            }
        }
    }

    /// <summary>
    /// Whatever goes wrong with one row (the store refusing what its answer asked for, an answer of a shape nobody
    /// expected) stops only that row's chat for this round: the row waits, and every other chat goes on.
    /// </summary>
    private async Task<bool> TrySendSafelyAsync(OutboxItem item, SentMarks marks, CancellationToken cancellationToken)
    {
        try
        {
            return await TrySendAsync(item, marks, cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            LogRowFailed(item.Id, e.GetType().Name);
            try
            {
                // Whether it reached Telegram is not known; after a dozen tries it is given up, as any row is.
                await PostponeAsync(item, Backoff(item.Attempts), e.GetType().Name, mayHaveArrived: true, cancellationToken);
            }
            catch (Exception) when (!cancellationToken.IsCancellationRequested)
            {
                // The store itself fails: the row is still due and is tried in a later round.
            }

            return false;
        }
    }

    private async Task<bool> TrySendAsync(OutboxItem item, SentMarks marks, CancellationToken cancellationToken)
    {
        if (item is { InDoubt: true, Message.AnnouncementId: not null })
        {
            // An announcement reaches nobody twice: an earlier attempt may have arrived, so this one is not made.
            await using var tx = await database.BeginAsync(cancellationToken);
            await tx.Outbox.MarkFailedAsync(item.Id, "may have arrived already", cancellationToken);
            await tx.CommitAsync(cancellationToken);
            return true;
        }

        // A card or an announcement is first marked as on its way, a committed write that may wait for the disk: done
        // before the slot is taken, so the wait does not bunch up requests that the limiter had spaced out.
        var message = await PrepareAsync(item, cancellationToken);
        try
        {
            await TakeSlotAsync(message, cancellationToken);
        }
        catch (OperationCanceledException) when (IsMarkedOnItsWay(item.Message))
        {
            // Stopping before the request was made: the copy has not left, so it is not in doubt.
            await using var tx = await database.BeginAsync(CancellationToken.None);
            await tx.Outbox.NotOnItsWayAsync(item.Id, CancellationToken.None);
            await tx.CommitAsync(CancellationToken.None);
            throw;
        }

        long? messageId;
        try
        {
            messageId = await channel.SendAsync(message, cancellationToken);
        }
        catch (ApiRequestException e) when (e.ErrorCode == 429)
        {
            Count("429");
            var wait = TimeSpan.FromSeconds(Math.Max(1, e.Parameters?.RetryAfter ?? 1));
            LogThrottled(item.Id, wait.TotalSeconds);
            // The wait is the chat's: a message written since, even a more urgent one, does not go before it ends.
            limiter?.HoldChat(item.Message.ChatId, wait);
            await PostponeAsync(item, wait, "429", mayHaveArrived: false, cancellationToken);
            return false;
        }
        catch (ApiRequestException e) when (e.ErrorCode == 403)
        {
            Count("403");
            LogBlocked(item.Message.ChatId);
            await using var tx = await database.BeginAsync(cancellationToken);
            await tx.People.MarkInactiveAsync(item.Message.ChatId, cancellationToken);
            await tx.Outbox.DropPendingForChatAsync(item.Message.ChatId, "403", cancellationToken);
            foreach (var follower in chatChanges ?? [])
            {
                await follower.ChatLostAsync(tx, item.Message.ChatId, cancellationToken);
            }

            await tx.CommitAsync(cancellationToken);
            return false;
        }
        catch (ApiRequestException e) when (e.Parameters?.MigrateToChatId is { } newChatId)
        {
            // A consultants' group became a supergroup: its binding and this message move to the new id.
            LogMigrated(item.Message.ChatId, newChatId);
            await using var tx = await database.BeginAsync(cancellationToken);
            foreach (var follower in chatChanges ?? [])
            {
                await follower.ChatMovedAsync(tx, item.Message.ChatId, newChatId, cancellationToken);
            }

            await tx.Outbox.MarkFailedAsync(item.Id, $"migrated to {newChatId}", cancellationToken);
            await tx.Outbox.AddAsync(item.Message with { ChatId = newChatId, EditMessageId = null }, cancellationToken);
            await tx.CommitAsync(cancellationToken);
            return false;
        }
        catch (ApiRequestException e) when (e.ErrorCode is >= 400 and < 500)
        {
            Count("4xx");
            // The request itself is wrong; sending it again cannot help.
            LogRejected(item.Id, e.ErrorCode, e.Message);
            await using var tx = await database.BeginAsync(cancellationToken);
            await tx.Outbox.MarkFailedAsync(item.Id, $"{e.ErrorCode}: {e.Message}", cancellationToken);
            await tx.CommitAsync(cancellationToken);
            return false;
        }
        catch (RequestException e)
        {
            Count(e is ApiRequestException { ErrorCode: >= 500 } ? "5xx" : "network");
            // A 5xx or a lost connection says nothing about whether Telegram carried the message out.
            await PostponeAsync(item, Backoff(item.Attempts), e is ApiRequestException api ? api.ErrorCode.ToString(System.Globalization.CultureInfo.InvariantCulture) : "network", mayHaveArrived: true, cancellationToken);
            return false;
        }

        Count("ok");
        await marks.AddAsync(item.Id, messageId, item.Message, cancellationToken);
        return true;
    }

    /// <summary>
    /// Telegram cannot tell whether a message was already delivered, so a lead card whose earlier copy may be in the
    /// chat says so on its first line; consultants then know the two are one request.
    /// </summary>
    /// <summary>Lead cards and announcements are marked as on their way before each attempt (<see cref="PrepareAsync"/>).</summary>
    private static bool IsMarkedOnItsWay(OutgoingMessage message) => IsNewCard(message) || message.AnnouncementId is not null;

    private static bool IsNewCard(OutgoingMessage message) => message is { LeadCard: not null, EditMessageId: null };

    private async Task<OutgoingMessage> PrepareAsync(OutboxItem item, CancellationToken cancellationToken)
    {
        var message = item.Message;
        if (!IsMarkedOnItsWay(message))
        {
            return message;
        }

        await using (var tx = await database.BeginAsync(cancellationToken))
        {
            await tx.Outbox.MarkOnItsWayAsync(item.Id, cancellationToken);
            await tx.CommitAsync(cancellationToken);
        }

        if (!IsNewCard(message) || !item.InDoubt || texts is null)
        {
            return message;
        }

        var note = texts.Texts.Get(Localization.Language.Russian, "card.repeated");
        return message with { Text = $"{(message.Html ? System.Net.WebUtility.HtmlEncode(note) : note)}\n{message.Text}" };
    }

    private async Task PostponeAsync(OutboxItem item, TimeSpan wait, string error, bool mayHaveArrived, CancellationToken cancellationToken)
    {
        await using var tx = await database.BeginAsync(cancellationToken);
        if (item.Attempts + 1 >= MaxAttempts)
        {
            LogGaveUp(item.Id, item.Attempts + 1);
            await tx.Outbox.MarkFailedAsync(item.Id, error, cancellationToken);
        }
        else
        {
            await tx.Outbox.PostponeAsync(item.Id, time.GetUtcNow().Add(wait).ToUnixTimeMilliseconds(), error, mayHaveArrived, cancellationToken);
        }

        await tx.CommitAsync(cancellationToken);
    }

    private void Count(string result) => metrics?.Sends.Add(1, new KeyValuePair<string, object?>("result", result));

    /// <summary>1 s, 2 s, 4 s … capped at five minutes.</summary>
    public static TimeSpan Backoff(int attempts) =>
        TimeSpan.FromSeconds(Math.Min(_maxBackoff.TotalSeconds, Math.Pow(2, Math.Min(attempts, 20))));

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox row {RowId} failed unexpectedly ({Error}); it waits, and the round goes on")]
    private partial void LogRowFailed(long rowId, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Telegram asked to slow down; outbox row {RowId} waits {Seconds} s")]
    private partial void LogThrottled(long rowId, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Chat {ChatId} became supergroup {NewChatId}; its binding and messages moved")]
    private partial void LogMigrated(long chatId, long newChatId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Chat {ChatId} blocked the bot; nothing more is sent there")]
    private partial void LogBlocked(long chatId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Telegram rejected outbox row {RowId} with {ErrorCode}: {Description}")]
    private partial void LogRejected(long rowId, int errorCode, string description);

    [LoggerMessage(Level = LogLevel.Error, Message = "Gave up on outbox row {RowId} after {Attempts} attempts")]
    private partial void LogGaveUp(long rowId, int attempts);
}
