using JumysBot.Leads;
using JumysBot.Storage;
using Microsoft.Extensions.Options;

namespace JumysBot.Privacy;

/// <summary>
/// Keeps data only as long as it is needed: closed requests are anonymised after <c>Leads:RetentionDays</c> (the
/// term stated in the consent text), abandoned conversations are cleared, and the delivery log is trimmed.
/// </summary>
public sealed class RetentionJob(BotDatabase database, IOptions<LeadOptions> leads, IOptions<RetentionOptions> options, TimeProvider time)
{
    private const long DayMs = 24L * 3600 * 1000;

    /// <returns>How many rows were anonymised or deleted.</returns>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var changed = 0;
        await using (var tx = await database.BeginAsync(cancellationToken))
        {
            changed += await tx.Leads.AnonymiseClosedBeforeAsync(now - (leads.Value.RetentionDays * DayMs), cancellationToken);
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
