using JumysBot.Catalog;
using JumysBot.Conversations;
using JumysBot.Leads;
using JumysBot.Storage;
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

        var edits = new List<OutgoingMessage>();
        foreach (var number in numbers)
        {
            var lead = await tx.Leads.FindAsync(number, cancellationToken);
            // Every card copy in every chat, revoked ones too, shows only that the person removed their data; the
            // newest copy known by lead_cards first (from before copies were kept), then every copy kept since.
            var cards = (await tx.Leads.CardsAsync(number, cancellationToken, evenRevoked: true))
                .Concat((await tx.Leads.SentCopiesAsync(number, cancellationToken)).Where(c => !c.IsVoice).Select(c => (c.ChatId, c.MessageId)))
                .Distinct();
            foreach (var (chat, messageId) in cards)
            {
                edits.Add(LeadCard.Render(lead!, chat, content.Current, options.Value.MinimalCards, messageId));
            }

            foreach (var (chat, messageId, _) in (await tx.Leads.SentCopiesAsync(number, cancellationToken)).Where(c => c.IsVoice))
            {
                edits.Add(new OutgoingMessage { ChatId = chat, Text = "", DeleteMessageId = messageId, Priority = MessagePriority.Notification });
            }
        }

        return edits;
    }
}
