namespace JumysBot.Telegram.Types;

/// <summary>A press on an inline keyboard button; answer it with <c>AnswerCallbackQuery</c>.</summary>
public sealed record CallbackQuery
{
    public required string Id { get; init; }

    public required User From { get; init; }

    /// <summary>The message with the button; its <see cref="Message.Date"/> is 0 when it is no longer accessible.</summary>
    public Message? Message { get; init; }

    public string? Data { get; init; }

    public required string ChatInstance { get; init; }
}
