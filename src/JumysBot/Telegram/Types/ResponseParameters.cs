namespace JumysBot.Telegram.Types;

/// <summary>Why a request failed and what to do about it.</summary>
public sealed record ResponseParameters
{
    /// <summary>The group became the supergroup with this id; resend there.</summary>
    public long? MigrateToChatId { get; init; }

    /// <summary>Seconds to wait before the request may be repeated (flood control).</summary>
    public int? RetryAfter { get; init; }
}
