using System.Text.Json.Serialization;
using JumysBot.Conversations;

namespace JumysBot.Storage;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(OutgoingMessage))]
[JsonSerializable(typeof(StoredScreen))]
internal sealed partial class StorageJsonContext : JsonSerializerContext;
