namespace JumysBot.Updates;

/// <summary>A message the bot will send, as the handler decides it; stored in the outbox until delivered.</summary>
public sealed record OutgoingMessage
{
    /// <summary>
    /// Deletes one message: a forwarded voice message, or a card that arrived after its request was erased (a bot may
    /// delete its own message in a group for 48 hours, and this one is seconds old).
    /// </summary>
    public static OutgoingMessage Deletion(long chatId, long messageId) =>
        new() { ChatId = chatId, Text = "", DeleteMessageId = messageId, Priority = MessagePriority.Notification };

    public required long ChatId { get; init; }

    public required string Text { get; init; }

    /// <summary>The text is Telegram HTML: every piece of content and user text in it is escaped.</summary>
    public bool Html { get; init; }

    /// <summary>Buttons under the message, each pressed by tapping or by typing its number or words.</summary>
    public IReadOnlyList<IReadOnlyList<Choice>>? Buttons { get; init; }

    /// <summary>Takes away a reply keyboard left from a question that asked for a number or a place.</summary>
    public bool RemoveKeyboard { get; init; }

    public MessagePriority Priority { get; init; } = MessagePriority.Reply;

    /// <summary>Edits this earlier message of the chat instead of sending a new one (a lead card's new status).</summary>
    public long? EditMessageId { get; init; }

    /// <summary>Forwards a person's voice message (by Telegram file id) with <see cref="Text"/> as its caption.</summary>
    public string? VoiceFileId { get; init; }

    /// <summary>A pin on the map, sent after the text.</summary>
    public Venue? Venue { get; init; }

    /// <summary>A file, with <see cref="Text"/> as its caption (an export, a poster).</summary>
    public DocumentFile? Document { get; init; }

    /// <summary>
    /// Telegram's <c>protect_content</c>: the message cannot be forwarded or saved from the chat. For what carries a
    /// person's data to consultants: cards, their voice messages, exports.
    /// </summary>
    public bool Protected { get; init; }

    /// <summary>The request whose person's voice message this forwards: erased with the request.</summary>
    public long? VoiceOfLead { get; init; }

    /// <summary>Deletes this earlier message of the chat instead of sending anything (an erased person's voice message).</summary>
    public long? DeleteMessageId { get; init; }

    /// <summary>The request whose card this is: once sent, its message id is kept so the card can be edited in place.</summary>
    public long? LeadCard { get; init; }

    /// <summary>The announcement this message carries: sent at most once, and counted in its report.</summary>
    public long? AnnouncementId { get; init; }
}

public sealed record Venue(double Latitude, double Longitude, string Title, string Address);

/// <summary>A file to send: <see cref="Content"/> as UTF-8 text, or <see cref="Bytes"/> when set (an image).</summary>
public sealed record DocumentFile(string FileName, string Content)
{
    public ReadOnlyMemory<byte>? Bytes { get; init; }

    public static DocumentFile Binary(string fileName, ReadOnlyMemory<byte> bytes) => new(fileName, "") { Bytes = bytes };

    public byte[] ToBytes() => Bytes?.ToArray() ?? System.Text.Encoding.UTF8.GetBytes(Content);
}

/// <summary>A button: <see cref="Id"/> is the short callback data (at most 64 bytes), never the label.</summary>
public sealed record Choice(string Id, string Label)
{
    /// <summary>A button that opens this address instead of sending <see cref="Id"/>.</summary>
    public Uri? Url { get; init; }

    /// <summary>A button that shares the person's number or location; such buttons live in a reply keyboard.</summary>
    public ChoiceRequest Request { get; init; }
}

public enum ChoiceRequest
{
    None,
    Contact,
    Location,
}

/// <summary>The sender's order: replies to people first, then consultant notifications, then reminders, announcements last.</summary>
public enum MessagePriority
{
    Reply = 0,
    Notification = 1,
    Reminder = 2,
    Announcement = 3,
}
