using System.Text.Json.Serialization;

namespace JumysBot.Telegram.Types;

public sealed record Message
{
    [JsonPropertyName("message_id")]
    public required int Id { get; init; }

    /// <summary>Unix time in seconds; 0 for a message that is no longer accessible.</summary>
    public required long Date { get; init; }

    public required Chat Chat { get; init; }

    public User? From { get; init; }

    public string? Text { get; init; }

    public string? Caption { get; init; }

    public Contact? Contact { get; init; }

    public Location? Location { get; init; }

    public Voice? Voice { get; init; }

    public Sticker? Sticker { get; init; }

    /// <summary>The same photo in several sizes, smallest first.</summary>
    public IReadOnlyList<PhotoSize>? Photo { get; init; }

    public Document? Document { get; init; }

    public Message? ReplyToMessage { get; init; }

    /// <summary>Set in a group that became the supergroup with this id.</summary>
    public long? MigrateToChatId { get; init; }

    public long? MigrateFromChatId { get; init; }
}
