using System.Text.Json.Serialization;

namespace JumysBot.Telegram.Types;

/// <summary>An incoming update. Kinds the bot does not use deserialize with every kind property null.</summary>
public sealed record Update
{
    [JsonPropertyName("update_id")]
    public required long Id { get; init; }

    public Message? Message { get; init; }

    public Message? EditedMessage { get; init; }

    public CallbackQuery? CallbackQuery { get; init; }

    public ChatMemberUpdated? MyChatMember { get; init; }

    [JsonIgnore]
    public UpdateType Type => this switch
    {
        { Message: not null } => UpdateType.Message,
        { EditedMessage: not null } => UpdateType.EditedMessage,
        { CallbackQuery: not null } => UpdateType.CallbackQuery,
        { MyChatMember: not null } => UpdateType.MyChatMember,
        _ => UpdateType.Unknown,
    };
}
