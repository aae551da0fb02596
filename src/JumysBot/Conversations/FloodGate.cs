using System.Collections.Concurrent;
using JumysBot.Hosting;
using Microsoft.Extensions.Options;

namespace JumysBot.Conversations;

/// <summary>
/// Slows a person who sends a flood of messages: past the limit in the window they get one kind notice, then are
/// ignored for a pause. Other people are not affected. Kept in memory: a restart forgives everyone.
/// </summary>
public sealed class FloodGate(IOptions<BotOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<long, ChatWindow> _chats = new();

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
        var window = _chats.GetOrAdd(chatId, _ => new ChatWindow());
        lock (window)
        {
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

    private sealed class ChatWindow
    {
        public Queue<DateTimeOffset> Times { get; } = new();

        public DateTimeOffset PausedUntil { get; set; }
    }
}
