using System.Text.Json.Serialization;

namespace JumysBot.Hosting;

[JsonSerializable(typeof(Dictionary<string, string>))]
internal sealed partial class HealthJsonContext : JsonSerializerContext;
