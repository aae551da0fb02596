namespace JumysBot.Telegram;

/// <summary>A command of the consultants' chats, shown in their command menu (<c>commands.&lt;name&gt;</c>); a feature registers it.</summary>
public sealed record GroupChatCommand(string Name, int Order);
