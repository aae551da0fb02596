using JumysBot.Conversations;
using JumysBot.Updates;

namespace JumysBot.Leads.Requests;

/// <summary>The person confirmed a request: it is routed, stored and sent to its point in this update's transaction.</summary>
public sealed record RequestConfirmed(Person Person, LeadDraft Draft) : IEffect;

/// <summary>An anonymous step of the request funnel (a flow started, consent given), counted with no person id.</summary>
public sealed record FunnelStepReached(string Name, LeadKind Kind) : IEffect;

public sealed class RequestRegistration(LeadDesk desk) : EffectApplier<RequestConfirmed>
{
    protected override async ValueTask<IReadOnlyList<OutgoingMessage>> ApplyAsync(UpdateContext update, RequestConfirmed effect, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(update);
        ArgumentNullException.ThrowIfNull(effect);
        return await desk.RegisterAsync(update.Store, effect.Person.Id, effect.Person, effect.Draft, cancellationToken);
    }
}

public sealed class FunnelCounter : EffectApplier<FunnelStepReached>
{
    protected override async ValueTask<IReadOnlyList<OutgoingMessage>> ApplyAsync(UpdateContext update, FunnelStepReached effect, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(update);
        ArgumentNullException.ThrowIfNull(effect);
        await update.Store.Leads.AddFunnelEventAsync(effect.Name, effect.Kind, cancellationToken);
        return [];
    }
}
