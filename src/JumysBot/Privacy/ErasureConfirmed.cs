using JumysBot.Updates;

namespace JumysBot.Privacy;

/// <summary>The person confirmed <c>/forget</c>: everything about them is erased in this update's transaction.</summary>
public sealed record ErasureConfirmed(long PersonId, long ChatId) : IEffect;

/// <summary>Erases the person, queues the edits of every card copy about them, and has the store compact its log after the commit.</summary>
public sealed class ErasureApplier(PersonEraser eraser) : EffectApplier<ErasureConfirmed>
{
    protected override async ValueTask<IReadOnlyList<OutgoingMessage>> ApplyAsync(UpdateContext update, ErasureConfirmed effect, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(update);
        ArgumentNullException.ThrowIfNull(effect);
        update.CompactAfterCommit = true;
        return await eraser.EraseAsync(update.Store, effect.PersonId, effect.ChatId, cancellationToken);
    }
}
