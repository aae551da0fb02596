using JumysBot.Leads;
using JumysBot.Storage;
using Microsoft.Extensions.Options;

namespace JumysBot.Privacy;

/// <summary>
/// Keeps data only as long as it is needed: after <c>Leads:RetentionDays</c> (the term stated in the consent text)
/// closed requests are anonymised, requests nobody took are closed and anonymised, their cards in Telegram are edited
/// to say so, profiles of people silent that long lose what they said about themselves, and unanswered requests to join
/// are forgotten; abandoned conversations are cleared, and the delivery log is trimmed.
/// </summary>
public sealed class RetentionJob(
    BotDatabase database, IOptions<LeadOptions> leads, IOptions<RetentionOptions> options, Content.ContentStore content, TimeProvider time)
{
    private const long DayMs = 24L * 3600 * 1000;

    /// <returns>How many rows were anonymised or deleted.</returns>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var changed = 0;
        await using (var tx = await database.BeginAsync(cancellationToken))
        {
            var term = now - (leads.Value.RetentionDays * DayMs);
            IReadOnlyList<long> anonymised = [.. await tx.Leads.CloseUntakenBeforeAsync(term, cancellationToken), .. await tx.Leads.AnonymiseClosedBeforeAsync(term, cancellationToken)];
            foreach (var edit in await CardErasure.MessagesAsync(tx, anonymised, content.Current, leads.Value.MinimalCards, cancellationToken))
            {
                await tx.Outbox.AddAsync(edit, cancellationToken);
            }

            changed += anonymised.Count;
            changed += await tx.People.AnonymiseSilentBeforeAsync(term, cancellationToken);
            changed += await tx.Consultants.DeleteRequestsBeforeAsync(term, cancellationToken);
            changed += await tx.Conversations.DeleteIdleBeforeAsync(now - (options.Value.ConversationRetentionDays * DayMs), cancellationToken);
            changed += await tx.Inbox.DeleteHandledBeforeAsync(now - (options.Value.DeliveryLogRetentionDays * DayMs), cancellationToken);
            changed += await tx.Outbox.DeleteFinishedBeforeAsync(now - (options.Value.DeliveryLogRetentionDays * DayMs), cancellationToken);
            await tx.CommitAsync(cancellationToken);
        }

        if (changed > 0)
        {
            await database.CheckpointAsync(cancellationToken);
        }

        return changed;
    }
}
