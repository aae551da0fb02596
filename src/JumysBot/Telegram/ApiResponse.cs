using JumysBot.Telegram.Types;

namespace JumysBot.Telegram;

/// <summary>The envelope of every Bot API answer: <c>{"ok":true,"result":…}</c> or <c>{"ok":false,"error_code":…}</c>.</summary>
public sealed record ApiResponse<TResult>
{
    public required bool Ok { get; init; }

    public TResult? Result { get; init; }

    public int? ErrorCode { get; init; }

    public string? Description { get; init; }

    public ResponseParameters? Parameters { get; init; }
}
