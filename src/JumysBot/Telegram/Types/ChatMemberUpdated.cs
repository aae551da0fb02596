namespace JumysBot.Telegram.Types;

/// <summary>The bot's own membership changed, e.g. a person blocked it (<c>kicked</c>) or it was added to a group.</summary>
public sealed record ChatMemberUpdated
{
    public required Chat Chat { get; init; }

    public required User From { get; init; }

    public required long Date { get; init; }

    public required ChatMember OldChatMember { get; init; }

    public required ChatMember NewChatMember { get; init; }
}
