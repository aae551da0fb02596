namespace JumysBot.Updates;

/// <summary>Writes one kind of <see cref="IEffect"/> in the update's transaction; it lives in the feature that owns the change.</summary>
public interface IEffectApplier
{
    /// <summary>The effect type applied here, and every type derived from it.</summary>
    Type EffectType { get; }

    ValueTask<IReadOnlyList<OutgoingMessage>> ApplyAsync(UpdateContext update, IEffect effect, CancellationToken cancellationToken);
}

/// <summary>An <see cref="IEffectApplier"/> for <typeparamref name="TEffect"/>.</summary>
public abstract class EffectApplier<TEffect> : IEffectApplier
    where TEffect : IEffect
{
    public Type EffectType => typeof(TEffect);

    public ValueTask<IReadOnlyList<OutgoingMessage>> ApplyAsync(UpdateContext update, IEffect effect, CancellationToken cancellationToken) =>
        ApplyAsync(update, (TEffect)effect, cancellationToken);

    protected abstract ValueTask<IReadOnlyList<OutgoingMessage>> ApplyAsync(UpdateContext update, TEffect effect, CancellationToken cancellationToken);
}
