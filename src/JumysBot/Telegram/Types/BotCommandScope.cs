namespace JumysBot.Telegram.Types;

/// <summary>Whom a command list applies to; build one with the factory methods.</summary>
public sealed record BotCommandScope
{
    public required string Type { get; init; }

    /// <summary>Set for the <c>chat</c> scope only.</summary>
    public long? ChatId { get; init; }

    public static BotCommandScope Default() => new() { Type = "default" };

    public static BotCommandScope AllPrivateChats() => new() { Type = "all_private_chats" };

    public static BotCommandScope AllGroupChats() => new() { Type = "all_group_chats" };

    public static BotCommandScope Chat(long chatId) => new() { Type = "chat", ChatId = chatId };
}
