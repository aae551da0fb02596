namespace JumysBot.Telegram.Requests;

public sealed record AnswerCallbackQueryRequest() : RequestBase<bool>("answerCallbackQuery")
{
    public required string CallbackQueryId { get; init; }

    /// <summary>0–200 characters shown as a notification at the top of the chat, or as an alert.</summary>
    public string? Text { get; init; }

    public bool ShowAlert { get; init; }
}
