using System.Text.Json;
using System.Text.Json.Serialization;

namespace JumysBot.Telegram.Types;

/// <summary>Reads <see cref="ChatType"/> from Telegram's lower-case names; an unknown name becomes <see cref="ChatType.Unknown"/>.</summary>
public sealed class ChatTypeConverter : JsonConverter<ChatType>
{
    public override ChatType Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.GetString() switch
        {
            "private" => ChatType.Private,
            "group" => ChatType.Group,
            "supergroup" => ChatType.Supergroup,
            "channel" => ChatType.Channel,
            _ => ChatType.Unknown,
        };

    public override void Write(Utf8JsonWriter writer, ChatType value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value switch
        {
            ChatType.Private => "private",
            ChatType.Group => "group",
            ChatType.Supergroup => "supergroup",
            ChatType.Channel => "channel",
            _ => "unknown",
        });
    }
}
