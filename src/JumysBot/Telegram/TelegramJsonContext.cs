using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using JumysBot.Telegram.Requests;
using JumysBot.Telegram.Types;

namespace JumysBot.Telegram;

/// <summary>
/// Source-generated JSON for the Bot API: snake_case names, nulls left out, unknown fields ignored.
/// A new request needs its type and its <see cref="ApiResponse{TResult}"/> registered here.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.Strict)]
[JsonSerializable(typeof(Update))]
[JsonSerializable(typeof(ApiResponse<User>))]
[JsonSerializable(typeof(ApiResponse<Update[]>))]
[JsonSerializable(typeof(ApiResponse<bool>))]
[JsonSerializable(typeof(ApiResponse<Message>))]
[JsonSerializable(typeof(GetMeRequest))]
[JsonSerializable(typeof(GetUpdatesRequest))]
[JsonSerializable(typeof(DeleteWebhookRequest))]
[JsonSerializable(typeof(SetWebhookRequest))]
[JsonSerializable(typeof(SendMessageRequest))]
[JsonSerializable(typeof(EditMessageTextRequest))]
[JsonSerializable(typeof(EditMessageReplyMarkupRequest))]
[JsonSerializable(typeof(AnswerCallbackQueryRequest))]
[JsonSerializable(typeof(SendVenueRequest))]
[JsonSerializable(typeof(SendVoiceRequest))]
[JsonSerializable(typeof(SetMyCommandsRequest))]
// SendDocumentRequest is sent as multipart/form-data and needs no JSON contract.
public sealed partial class TelegramJsonContext : JsonSerializerContext
{
    /// <summary>
    /// The same contracts, for writing: Kazakh and Russian letters go out as UTF-8 instead of <c>\uXXXX</c> escapes, a
    /// third of the bytes. This JSON is never embedded in a web page, so HTML-sensitive characters need no escaping.
    /// </summary>
    public static TelegramJsonContext Compact => _compact ??= new(new JsonSerializerOptions(Default.Options) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    // Made on first use: an initialiser here could run before the generated Default in the other part of this class.
    private static TelegramJsonContext? _compact;
}
