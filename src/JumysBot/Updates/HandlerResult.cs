namespace JumysBot.Updates;

/// <summary>
/// What a handler decided, as data: the messages to send, and the changes that belong to features (a new request, a
/// rating, an erasure, …). Both are written in the update's transaction: first the effects, in order, each by the
/// applier of the feature that owns it, then the messages.
/// </summary>
public sealed record HandlerResult(IReadOnlyList<OutgoingMessage> Messages, IReadOnlyList<IEffect> Effects)
{
    /// <summary>Taken, with nothing to send or change beyond what the handler wrote itself.</summary>
    public static HandlerResult Handled { get; } = new([], []);

    public static HandlerResult Send(params IReadOnlyList<OutgoingMessage> messages) => new(messages, []);
}

/// <summary>A change a handler asks for, applied by the <see cref="IEffectApplier"/> registered for its type.</summary>
public interface IEffect;
