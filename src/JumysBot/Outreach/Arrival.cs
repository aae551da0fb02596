using JumysBot.Storage;
using JumysBot.Updates;

namespace JumysBot.Outreach;

/// <summary>One start of the conversation, and the start link it came through (null for a plain /start).</summary>
public sealed record Arrival(string? Source, string? Campaign) : IEffect;

/// <summary>Counts the start for its link in <c>arrivals</c>, with no person id.</summary>
public sealed class ArrivalCounter : EffectApplier<Arrival>
{
    protected override async ValueTask<IReadOnlyList<OutgoingMessage>> ApplyAsync(UpdateContext update, Arrival effect, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(update);
        ArgumentNullException.ThrowIfNull(effect);
        await update.Store.Leads.AddArrivalAsync(effect.Source, effect.Campaign, cancellationToken);
        return [];
    }
}
