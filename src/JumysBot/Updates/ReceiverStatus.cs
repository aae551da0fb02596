namespace JumysBot.Updates;

/// <summary>When updates last flowed in (a getUpdates answer, a webhook call), and whether Telegram posts to this instance.</summary>
public sealed class ReceiverStatus(TimeProvider time)
{
    private long _lastActiveTicks;
    private volatile bool _webhookRegistered;

    public DateTimeOffset? LastActive => Interlocked.Read(ref _lastActiveTicks) is var ticks and > 0 ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;

    /// <summary>
    /// Telegram posts updates to this instance (webhook mode): a quiet minute is then only a quiet minute, not a receiver
    /// that stopped, and the instance must stay in its balancer to hear the next post.
    /// </summary>
    public bool IsWebhookRegistered => _webhookRegistered;

    public void MarkActive() => Interlocked.Exchange(ref _lastActiveTicks, time.GetUtcNow().UtcTicks);

    public void MarkWebhookRegistered()
    {
        _webhookRegistered = true;
        MarkActive();
    }
}
