using JumysBot.Telegram.Requests;
using JumysBot.Telegram.Types;

namespace JumysBot.Telegram;

/// <summary>The Bot API methods by name, as in Telegram.Bot; each builds its request and sends it.</summary>
public static class TelegramBotClientExtensions
{
    private static readonly LinkPreviewOptions _previewsDisabled = new() { IsDisabled = true };

    public static Task<User> GetMe(this ITelegramBotClient botClient, CancellationToken cancellationToken = default) =>
        botClient.ThrowIfNull().SendRequest(new GetMeRequest(), cancellationToken);

    public static Task<Update[]> GetUpdates(
        this ITelegramBotClient botClient,
        long? offset = null,
        int? limit = null,
        int? timeout = null,
        IEnumerable<UpdateType>? allowedUpdates = null,
        CancellationToken cancellationToken = default) =>
        botClient.ThrowIfNull().SendRequest(
            new GetUpdatesRequest { Offset = offset, Limit = limit, Timeout = timeout, AllowedUpdates = allowedUpdates },
            cancellationToken);

    public static Task<bool> DeleteWebhook(
        this ITelegramBotClient botClient,
        bool dropPendingUpdates = false,
        CancellationToken cancellationToken = default) =>
        botClient.ThrowIfNull().SendRequest(new DeleteWebhookRequest { DropPendingUpdates = dropPendingUpdates }, cancellationToken);

    public static Task<bool> SetWebhook(
        this ITelegramBotClient botClient,
        string url,
        string? secretToken = null,
        IEnumerable<UpdateType>? allowedUpdates = null,
        int? maxConnections = null,
        bool dropPendingUpdates = false,
        CancellationToken cancellationToken = default) =>
        botClient.ThrowIfNull().SendRequest(
            new SetWebhookRequest
            {
                Url = url,
                SecretToken = secretToken,
                AllowedUpdates = allowedUpdates,
                MaxConnections = maxConnections,
                DropPendingUpdates = dropPendingUpdates,
            },
            cancellationToken);

    /// <remarks>Link previews are off unless <paramref name="linkPreviewOptions"/> says otherwise.</remarks>
    public static Task<Message> SendMessage(
        this ITelegramBotClient botClient,
        long chatId,
        string text,
        string? parseMode = null,
        ReplyMarkup? replyMarkup = null,
        LinkPreviewOptions? linkPreviewOptions = null,
        CancellationToken cancellationToken = default) =>
        botClient.ThrowIfNull().SendRequest(
            new SendMessageRequest
            {
                ChatId = chatId,
                Text = text,
                ParseMode = parseMode,
                ReplyMarkup = replyMarkup,
                LinkPreviewOptions = linkPreviewOptions ?? _previewsDisabled,
            },
            cancellationToken);

    /// <remarks>Link previews are off unless <paramref name="linkPreviewOptions"/> says otherwise.</remarks>
    public static Task<Message> EditMessageText(
        this ITelegramBotClient botClient,
        long chatId,
        int messageId,
        string text,
        string? parseMode = null,
        InlineKeyboardMarkup? replyMarkup = null,
        LinkPreviewOptions? linkPreviewOptions = null,
        CancellationToken cancellationToken = default) =>
        botClient.ThrowIfNull().SendRequest(
            new EditMessageTextRequest
            {
                ChatId = chatId,
                MessageId = messageId,
                Text = text,
                ParseMode = parseMode,
                ReplyMarkup = replyMarkup,
                LinkPreviewOptions = linkPreviewOptions ?? _previewsDisabled,
            },
            cancellationToken);

    public static Task<Message> EditMessageReplyMarkup(
        this ITelegramBotClient botClient,
        long chatId,
        int messageId,
        InlineKeyboardMarkup? replyMarkup = null,
        CancellationToken cancellationToken = default) =>
        botClient.ThrowIfNull().SendRequest(
            new EditMessageReplyMarkupRequest { ChatId = chatId, MessageId = messageId, ReplyMarkup = replyMarkup },
            cancellationToken);

    public static Task<bool> AnswerCallbackQuery(
        this ITelegramBotClient botClient,
        string callbackQueryId,
        string? text = null,
        bool showAlert = false,
        CancellationToken cancellationToken = default) =>
        botClient.ThrowIfNull().SendRequest(
            new AnswerCallbackQueryRequest { CallbackQueryId = callbackQueryId, Text = text, ShowAlert = showAlert },
            cancellationToken);

    public static Task<Message> SendVenue(
        this ITelegramBotClient botClient,
        long chatId,
        double latitude,
        double longitude,
        string title,
        string address,
        CancellationToken cancellationToken = default) =>
        botClient.ThrowIfNull().SendRequest(
            new SendVenueRequest { ChatId = chatId, Latitude = latitude, Longitude = longitude, Title = title, Address = address },
            cancellationToken);

    public static Task<Message> SendVoice(
        this ITelegramBotClient botClient,
        long chatId,
        string voiceFileId,
        string? caption = null,
        CancellationToken cancellationToken = default) =>
        botClient.ThrowIfNull().SendRequest(new SendVoiceRequest { ChatId = chatId, Voice = voiceFileId, Caption = caption }, cancellationToken);

    public static Task<Message> SendDocument(
        this ITelegramBotClient botClient,
        long chatId,
        InputFileStream document,
        string? caption = null,
        CancellationToken cancellationToken = default) =>
        botClient.ThrowIfNull().SendRequest(
            new SendDocumentRequest { ChatId = chatId, Document = document, Caption = caption },
            cancellationToken);

    public static Task<bool> SetMyCommands(
        this ITelegramBotClient botClient,
        IEnumerable<BotCommand> commands,
        BotCommandScope? scope = null,
        string? languageCode = null,
        CancellationToken cancellationToken = default) =>
        botClient.ThrowIfNull().SendRequest(
            new SetMyCommandsRequest { Commands = commands, Scope = scope, LanguageCode = languageCode },
            cancellationToken);

    private static ITelegramBotClient ThrowIfNull(this ITelegramBotClient botClient)
    {
        ArgumentNullException.ThrowIfNull(botClient);
        return botClient;
    }
}
