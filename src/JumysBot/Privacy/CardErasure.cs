using JumysBot.Catalog;
using JumysBot.Content;
using JumysBot.Conversations;
using JumysBot.Leads.Consultants;
using JumysBot.Leads;
using JumysBot.Storage;
using JumysBot.Updates;

namespace JumysBot.Privacy;

/// <summary>
/// What makes a request's personal data disappear from Telegram once the request is anonymised: every copy of its card,
/// in every chat it reached (revoked ones too), is edited to say only that the data was removed, and every voice
/// message forwarded with it is deleted.
/// </summary>
internal static class CardErasure
{
    public static async Task<IReadOnlyList<OutgoingMessage>> MessagesAsync(
        StorageTransaction tx, IEnumerable<long> numbers, BotContent content, bool minimal, CancellationToken cancellationToken)
    {
        var messages = new List<OutgoingMessage>();
        foreach (var number in numbers)
        {
            var lead = await tx.Leads.FindAsync(number, cancellationToken);
            var copies = await tx.Leads.SentCopiesAsync(number, cancellationToken);
            // The newest copy known by lead_cards first (kept from before every copy was), then every copy since.
            var cards = (await tx.Leads.CardsAsync(number, cancellationToken, evenRevoked: true))
                .Concat(copies.Where(c => !c.IsVoice).Select(c => (c.ChatId, c.MessageId)))
                .Distinct();
            foreach (var (chat, messageId) in cards)
            {
                messages.Add(LeadCard.Render(lead!, chat, content, minimal, messageId, await tx.Consultants.LanguageOfAsync(chat, cancellationToken)));
            }

            foreach (var (chat, messageId, _) in copies.Where(c => c.IsVoice))
            {
                messages.Add(OutgoingMessage.Deletion(chat, messageId));
            }
        }

        return messages;
    }
}
