namespace JumysBot.Updates;

/// <summary>What a person did, whatever the channel: typed, pressed a button, shared a contact or a place, spoke.</summary>
public sealed record Incoming
{
    public required long ChatId { get; init; }

    public required long UserId { get; init; }

    /// <summary>Telegram's <c>language_code</c> of the sender, if any.</summary>
    public string? LanguageCode { get; init; }

    /// <summary>The first name in the person's Telegram profile, offered with one tap when the bot asks for a name.</summary>
    public string? FirstName { get; init; }

    public string? Text { get; init; }

    /// <summary>The pressed button's data; forged or stale data is possible and is checked by the handler.</summary>
    public string? ButtonId { get; init; }

    public SharedContact? Contact { get; init; }

    public SharedLocation? Location { get; init; }

    public string? VoiceFileId { get; init; }

    /// <summary>A sticker, photo, file or anything else the bot cannot read.</summary>
    public bool IsUnreadable { get; init; }

    public bool IsPrivateChat { get; init; } = true;

    /// <summary>The group's title, for a consultant chat asking to be bound.</summary>
    public string? ChatTitle { get; init; }

    /// <summary>Whether the chat is a group or a supergroup (or private), for the administrator who binds it.</summary>
    public bool IsSupergroup { get; init; }
}

public sealed record SharedContact(string PhoneNumber, long? UserId);

public sealed record SharedLocation(double Latitude, double Longitude);
