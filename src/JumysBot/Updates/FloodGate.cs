using System.Collections.Concurrent;
using JumysBot.Hosting;
using Microsoft.Extensions.Options;

namespace JumysBot.Updates;

/// <summary>
/// Slows a person who sends a flood of messages: past the limit in the window they get one kind notice, then are
/// ignored for a pause. Other people are not affected. Kept in memory: a restart forgives everyone, and a chat that
/// has been quiet for longer than the window is forgotten, so memory stays flat however many people write.
/// </summary>
public sealed class FloodGate(IOptions<BotOptions> options, TimeProvider time)
{
    private const int ChecksBetweenSweeps = 1024;
    private readonly ConcurrentDictionary<long, ChatWindow> _chats = new();
    private long _checks;

    /// <summary>How many chats are remembered now.</summary>
    internal int TrackedChats => _chats.Count;

    public enum Verdict
    {
        Allow,
        Notify,
        Ignore,
    }

    public Verdict Check(long chatId)
    {
        var settings = options.Value;
        var now = time.GetUtcNow();
        if (Interlocked.Increment(ref _checks) % ChecksBetweenSweeps == 0)
        {
            ForgetQuietChats(now - TimeSpan.FromSeconds(settings.FloodWindowSeconds), now);
        }

        var window = _chats.GetOrAdd(chatId, _ => new ChatWindow());
        lock (window)
        {
            window.LastSeen = now;
            if (window.PausedUntil > now)
            {
                return Verdict.Ignore;
            }

            var start = now - TimeSpan.FromSeconds(settings.FloodWindowSeconds);
            while (window.Times.Count > 0 && window.Times.Peek() < start)
            {
                window.Times.Dequeue();
            }

            window.Times.Enqueue(now);
            if (window.Times.Count <= settings.FloodLimit)
            {
                return Verdict.Allow;
            }

            window.PausedUntil = now + TimeSpan.FromSeconds(settings.FloodPauseSeconds);
            window.Times.Clear();
            return Verdict.Notify;
        }
    }

    /// <summary>A chat with nothing in its window and no pause running holds no information: it is dropped.</summary>
    private void ForgetQuietChats(DateTimeOffset windowStart, DateTimeOffset now)
    {
        foreach (var (chatId, window) in _chats)
        {
            lock (window)
            {
                if (window.LastSeen < windowStart && window.PausedUntil <= now)
                {
                    _chats.TryRemove(new KeyValuePair<long, ChatWindow>(chatId, window));
                }
            }
        }
    }

    private sealed class ChatWindow
    {
        public Queue<DateTimeOffset> Times { get; } = new();

        public DateTimeOffset PausedUntil { get; set; }

        public DateTimeOffset LastSeen { get; set; }
    }
}
