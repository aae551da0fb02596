using JumysBot.Conversations;
using JumysBot.Updates;
using Telegram.Bot;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;

namespace JumysBot.Telegram;

/// <summary>Sends outgoing messages through the Bot API: plain text, buttons as an inline keyboard, long text in parts.</summary>
public sealed class TelegramMessageChannel(ITelegramBotClient client) : IMessageChannel
{
    // Screen readers read a link preview's card too; the bot's links are named in the text.
    private static readonly LinkPreviewOptions _noPreview = new() { IsDisabled = true };

    public async Task<long?> SendAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var parseMode = message.Html ? ParseMode.Html : ParseMode.None;
        if (message.DeleteMessageId is { } deleteId)
        {
            await client.DeleteMessage(message.ChatId, (int)deleteId, cancellationToken);
            return null;
        }

        if (message.EditMessageId is { } editId)
        {
            var markup = ToMarkup(message) as InlineKeyboardMarkup;
            var edited = await client.EditMessageText(
                message.ChatId, (int)editId, message.Text, parseMode, markup, _noPreview, cancellationToken: cancellationToken);
            return edited.Id;
        }

        if (message.VoiceFileId is { } voice)
        {
            return (await client.SendVoice(
                message.ChatId, InputFile.FromFileId(voice), message.Text, protectContent: message.Protected, cancellationToken: cancellationToken)).Id;
        }

        if (message.Document is { } document)
        {
            await using var content = new MemoryStream(document.ToBytes());
            return (await client.SendDocument(
                message.ChatId, InputFile.FromStream(content, document.FileName), message.Text, protectContent: message.Protected, cancellationToken: cancellationToken)).Id;
        }

        var parts = MessageSplitter.Split(message.Text);
        Message? last = null;
        for (var i = 0; i < parts.Count; i++)
        {
            // Buttons go under the last part, where the question is.
            var markup = i == parts.Count - 1 ? ToMarkup(message) : null;
            last = await client.SendMessage(
                message.ChatId, parts[i], parseMode, replyMarkup: markup, linkPreviewOptions: _noPreview, protectContent: message.Protected, cancellationToken: cancellationToken);
        }

        if (message.Venue is { } venue)
        {
            await client.SendVenue(
                message.ChatId, venue.Latitude, venue.Longitude, venue.Title, venue.Address, protectContent: message.Protected, cancellationToken: cancellationToken);
        }

        return last?.Id;
    }

    /// <summary>A long text goes in parts and a place follows as a venue of its own, each a request of its own.</summary>
    public int RequestsFor(OutgoingMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return message.EditMessageId is not null || message.DeleteMessageId is not null || message.VoiceFileId is not null || message.Document is not null
            ? 1
            : (message.Text.Length <= MessageSplitter.MaxLength ? 1 : MessageSplitter.Split(message.Text).Count) + (message.Venue is null ? 0 : 1);
    }

    public Task AcknowledgeButtonAsync(string callbackQueryId, CancellationToken cancellationToken) =>
        client.AnswerCallbackQuery(callbackQueryId, cancellationToken: cancellationToken);

    /// <summary>
    /// Buttons become an inline keyboard, except where one shares a number or a place: only a reply keyboard can do
    /// that, and there every button sends its label as text, which the conversation matches like a typed answer.
    /// </summary>
    private static ReplyMarkup? ToMarkup(OutgoingMessage message)
    {
        if (message.Buttons is not { } rows)
        {
            return message.RemoveKeyboard ? new ReplyKeyboardRemove() : null;
        }

        if (rows.SelectMany(r => r).Any(c => c.Request != ChoiceRequest.None))
        {
            return new ReplyKeyboardMarkup(rows.Select(row => row.Select(ToKeyboardButton)))
            {
                ResizeKeyboard = true,
                IsPersistent = true,
            };
        }

        return new InlineKeyboardMarkup(rows.Select(row => row.Select(ToButton)));
    }

    private static KeyboardButton ToKeyboardButton(Choice choice) => choice.Request switch
    {
        ChoiceRequest.Contact => KeyboardButton.WithRequestContact(choice.Label),
        ChoiceRequest.Location => KeyboardButton.WithRequestLocation(choice.Label),
        _ => new KeyboardButton(choice.Label),
    };

    private static InlineKeyboardButton ToButton(Choice choice) =>
        choice.Url is { } url
            ? InlineKeyboardButton.WithUrl(choice.Label, url.AbsoluteUri)
            : InlineKeyboardButton.WithCallbackData(choice.Label, choice.Id);
}
