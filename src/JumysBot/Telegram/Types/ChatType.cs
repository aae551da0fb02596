using System.Text.Json.Serialization;

namespace JumysBot.Telegram.Types;

[JsonConverter(typeof(ChatTypeConverter))]
public enum ChatType
{
    /// <summary>A kind Telegram added after this code was written.</summary>
    Unknown,
    Private,
    Group,
    Supergroup,
    Channel,
}
