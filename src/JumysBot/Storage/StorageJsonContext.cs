using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using JumysBot.Conversations;
using JumysBot.Updates;

namespace JumysBot.Storage;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(OutgoingMessage))]
[JsonSerializable(typeof(StoredScreen))]
internal sealed partial class StorageJsonContext : JsonSerializerContext
{
    /// <summary>The same contracts, for writing: letters stored as UTF-8, not escaped (see <see cref="Telegram.TelegramJsonContext.Compact"/>).</summary>
    public static StorageJsonContext Compact => _compact ??= new(new JsonSerializerOptions(Default.Options) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    // Made on first use: an initialiser here could run before the generated Default in the other part of this class.
    private static StorageJsonContext? _compact;
}
