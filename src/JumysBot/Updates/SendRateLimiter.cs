using Microsoft.Extensions.Options;
using JumysBot.Telegram;

namespace JumysBot.Updates;

/// <summary>
/// Telegram's sending limits as token buckets: about 30 messages a second overall, about one a second to a private
/// chat (with a short burst), 20 a minute to a group. A message goes only when both its chat and the whole bot have a
/// token; otherwise it waits, and nothing behind it in the same chat overtakes it.
/// </summary>
public sealed class SendRateLimiter(IOptions<TelegramOptions> options, TimeProvider time)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<long, Bucket> _chats = [];
    private Bucket? _global;

    public enum Result
    {
        Sent,
        ChatBusy,
        BotBusy,
    }

    /// <summary>How long until the bot-wide bucket has a token again: a busy sender waits exactly that long.</summary>
    public TimeSpan UntilNextGlobalToken
    {
        get
        {
            lock (_gate)
            {
                if (_global is null)
                {
                    return TimeSpan.Zero;
                }

                _global.Refill(time.GetTimestamp(), time);
                return _global.Tokens >= 1
                    ? TimeSpan.Zero
                    : TimeSpan.FromSeconds((1 - _global.Tokens) / options.Value.GlobalMessagesPerSecond) + TimeSpan.FromMilliseconds(0.2);
            }
        }
    }

    /// <summary>How many messages the bot may send in half a second: the most announcements one outbox round takes.</summary>
    public int HalfASecondOfSending => Math.Max(1, (int)(options.Value.GlobalMessagesPerSecond / 2));

    /// <summary>
    /// How many messages the bot may send in two seconds: the most one instance claims at once from a shared store, so
    /// that instances claiming one after another each find a share.
    /// </summary>
    public int TwoSecondsOfSending => Math.Max(10, (int)(options.Value.GlobalMessagesPerSecond * 2));

    /// <summary>Takes a bot-wide token alone: for the further requests of one message (its parts, its venue).</summary>
    public bool TryTakeGlobal()
    {
        var now = time.GetTimestamp();
        lock (_gate)
        {
            var global = GlobalBucket(now);
            global.Refill(now, time);
            if (global.Tokens < 1)
            {
                return false;
            }

            global.Tokens--;
            return true;
        }
    }

    /// <summary>True when the chat's own bucket holds a token now; nothing is taken.</summary>
    public bool ChatReady(long chatId)
    {
        var now = time.GetTimestamp();
        lock (_gate)
        {
            if (!_chats.TryGetValue(chatId, out var chat))
            {
                return true;
            }

            chat.Refill(now, time);
            return chat.Tokens >= 1;
        }
    }

    /// <summary>
    /// Telegram said to wait (429 with <c>retry_after</c>): the chat's bucket is emptied so that it has a token again only
    /// after <paramref name="wait"/>, and no message of that chat goes before, not even one written since.
    /// </summary>
    public void HoldChat(long chatId, TimeSpan wait)
    {
        var now = time.GetTimestamp();
        lock (_gate)
        {
            var chat = ChatBucket(chatId, now);
            chat.Refill(now, time);
            chat.Tokens = Math.Min(chat.Tokens, 1 - (wait.TotalSeconds * chat.PerSecond));
        }
    }

    public Result TryTake(long chatId)
    {
        var now = time.GetTimestamp();
        lock (_gate)
        {
            var global = GlobalBucket(now);
            var chat = ChatBucket(chatId, now);

            global.Refill(now, time);
            chat.Refill(now, time);
            if (global.Tokens < 1)
            {
                return Result.BotBusy;
            }

            if (chat.Tokens < 1)
            {
                return Result.ChatBusy;
            }

            global.Tokens--;
            chat.Tokens--;
            if (_chats.Count > 10_000)
            {
                // Full buckets carry no information: forget them so memory stays flat.
                foreach (var idle in _chats.Where(c => c.Value.Tokens >= c.Value.Capacity).Select(c => c.Key).ToList())
                {
                    _chats.Remove(idle);
                }
            }

            return Result.Sent;
        }
    }

    /// <summary>The chat's bucket, made full on first use. Called under the lock.</summary>
    private Bucket ChatBucket(long chatId, long now)
    {
        if (!_chats.TryGetValue(chatId, out var chat))
        {
            var settings = options.Value;
            chat = chatId < 0
                ? new Bucket(1, settings.GroupMessagesPerMinute / 60.0, now)
                : new Bucket(settings.PrivateChatBurst, settings.PrivateChatMessagesPerSecond, now);
            _chats[chatId] = chat;
        }

        return chat;
    }

    // At Telegram's rates the global and group buckets hold a single token: sends are spread evenly, so no sliding
    // window of a second (or a minute) sees more than the limit. A local Bot API server or a test may allow far more;
    // then a small burst keeps the sender from waiting on every message. Called under the lock.
    private Bucket GlobalBucket(long now) =>
        _global ??= new Bucket(Math.Max(1, Math.Floor(options.Value.GlobalMessagesPerSecond / 30)), options.Value.GlobalMessagesPerSecond, now);

    private sealed class Bucket(double capacity, double perSecond, long timestamp)
    {
        public double Capacity { get; } = capacity;

        public double PerSecond { get; } = perSecond;

        public double Tokens { get; set; } = capacity;

        public void Refill(long now, TimeProvider time)
        {
            var seconds = time.GetElapsedTime(timestamp, now).TotalSeconds;
            if (seconds > 0)
            {
                Tokens = Math.Min(Capacity, Tokens + (seconds * PerSecond));
                timestamp = now;
            }
        }
    }
}
