using JumysBot.Conversations;
using JumysBot.Telegram.Types;

namespace JumysBot.Telegram;

/// <summary>Sends outgoing messages through the Bot API: plain text, buttons as an inline keyboard, long text in parts.</summary>
public sealed class TelegramMessageChannel(ITelegramBotClient client) : IMessageChannel
{
    public async Task<long?> SendAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var parts = MessageSplitter.Split(message.Text);
        Message? last = null;
        for (var i = 0; i < parts.Count; i++)
        {
            // Buttons go under the last part, where the question is.
            var markup = i == parts.Count - 1 ? ToMarkup(message.Buttons) : null;
            last = await client.SendMessage(message.ChatId, parts[i], message.Html ? ParseMode.Html : null, markup, cancellationToken: cancellationToken);
        }

        return last?.Id;
    }

    public Task AcknowledgeButtonAsync(string callbackQueryId, CancellationToken cancellationToken) =>
        client.AnswerCallbackQuery(callbackQueryId, cancellationToken: cancellationToken);

    private static InlineKeyboardMarkup? ToMarkup(IReadOnlyList<IReadOnlyList<Choice>>? buttons) =>
        buttons is null
            ? null
            : new InlineKeyboardMarkup
            {
                InlineKeyboard = [.. buttons.Select(row => (IReadOnlyList<InlineKeyboardButton>)[.. row.Select(ToButton)])],
            };

    private static InlineKeyboardButton ToButton(Choice choice) =>
        choice.Url is { } url
            ? InlineKeyboardButton.WithUrl(choice.Label, url.AbsoluteUri)
            : InlineKeyboardButton.WithCallbackData(choice.Label, choice.Id);
}
