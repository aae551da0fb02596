using JumysBot.Catalog;
using JumysBot.Content;
using JumysBot.Conversations;
using JumysBot.Leads;
using JumysBot.Storage;
using JumysBot.Updates;
using Microsoft.Extensions.Options;

namespace JumysBot.Privacy;

/// <summary>
/// Erases a person: profile, conversation, unhandled updates, every message to them still stored, and the personal
/// fields of their requests (kept as anonymous counts). Lead cards already in consultant chats are edited to drop
/// the personal fields. After the commit the caller checkpoints the WAL, so no copy survives in the files.
/// </summary>
public sealed class PersonEraser(ContentStore content, IOptions<LeadOptions> options)
{
    public async Task<IReadOnlyList<OutgoingMessage>> EraseAsync(StorageTransaction tx, long personId, long chatId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tx);
        var numbers = await tx.Leads.AnonymiseForPersonAsync(personId, cancellationToken);
        await tx.Outbox.DeleteForChatAsync(chatId, numbers, cancellationToken);
        await tx.Inbox.DeleteUnhandledForChatAsync(chatId, cancellationToken);
        await tx.Conversations.DeleteAsync(chatId, cancellationToken);
        await tx.People.DeleteAsync(personId, cancellationToken);

        return await CardErasure.MessagesAsync(tx, numbers, content.Current, options.Value.MinimalCards, cancellationToken);
    }
}
