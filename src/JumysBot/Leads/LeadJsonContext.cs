using System.Text.Json.Serialization;

namespace JumysBot.Leads;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, UseStringEnumConverter = true)]
[JsonSerializable(typeof(LeadDraft))]
internal sealed partial class LeadJsonContext : JsonSerializerContext;
