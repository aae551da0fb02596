namespace JumysBot.Updates;

/// <summary>When updates last flowed in (a getUpdates answer, a webhook call, or webhook registration), for readiness.</summary>
public sealed class ReceiverStatus(TimeProvider time)
{
    private long _lastActiveTicks;

    public DateTimeOffset? LastActive => Interlocked.Read(ref _lastActiveTicks) is var ticks and > 0 ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;

    public void MarkActive() => Interlocked.Exchange(ref _lastActiveTicks, time.GetUtcNow().UtcTicks);
}
