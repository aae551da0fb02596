using JumysBot.Updates;

namespace JumysBot.Leads.FollowUp;

/// <summary>Stores a rating, a comment or a new phone, and queues the card edits and notes for the consultants.</summary>
public sealed class FeedbackApplier(LeadFeedbackDesk desk) : EffectApplier<LeadFeedbackChange>
{
    protected override async ValueTask<IReadOnlyList<OutgoingMessage>> ApplyAsync(UpdateContext update, LeadFeedbackChange effect, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(update);
        ArgumentNullException.ThrowIfNull(effect);
        return await desk.ApplyAsync(update.Store, PersonOf(update), [effect], cancellationToken);
    }

    private static long PersonOf(UpdateContext update) =>
        update.Input?.UserId ?? throw new InvalidOperationException("A feedback change comes from a person's message.");
}
