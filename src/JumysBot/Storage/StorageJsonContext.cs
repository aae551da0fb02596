using System.Text.Json.Serialization;
using JumysBot.Conversations;

namespace JumysBot.Storage;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(OutgoingMessage))]
internal sealed partial class StorageJsonContext : JsonSerializerContext;
