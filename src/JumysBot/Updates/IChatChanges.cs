using JumysBot.Storage;

namespace JumysBot.Updates;

/// <summary>
/// Told, in the transaction that records it, when sending shows that a chat is gone (the bot was blocked or removed)
/// or has a new id (a group became a supergroup). A feature that keeps chats of its own follows them here.
/// </summary>
public interface IChatChanges
{
    Task ChatLostAsync(StorageTransaction tx, long chatId, CancellationToken cancellationToken);

    Task ChatMovedAsync(StorageTransaction tx, long chatId, long newChatId, CancellationToken cancellationToken);
}
