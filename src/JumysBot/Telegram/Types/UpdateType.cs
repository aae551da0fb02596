using System.Text.Json.Serialization;

namespace JumysBot.Telegram.Types;

/// <summary>The kind of an <see cref="Update"/>; the names are those of <c>allowed_updates</c>.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<UpdateType>))]
public enum UpdateType
{
    [JsonStringEnumMemberName("unknown")]
    Unknown,

    [JsonStringEnumMemberName("message")]
    Message,

    [JsonStringEnumMemberName("edited_message")]
    EditedMessage,

    [JsonStringEnumMemberName("callback_query")]
    CallbackQuery,

    [JsonStringEnumMemberName("my_chat_member")]
    MyChatMember,
}
