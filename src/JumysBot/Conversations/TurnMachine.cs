using Stateless;

namespace JumysBot.Conversations;

/// <summary>
/// A Stateless machine for one turn of a flow: its state lives outside it (in the conversation's stored step), triggers
/// fire immediately, and a trigger the current state does not take is not an error but a "not mine" the caller passes on
/// (<see cref="Try(TTrigger)"/> returns false), so another handler or the menu can answer instead.
/// </summary>
internal sealed class TurnMachine<TState, TTrigger> : StateMachine<TState, TTrigger>
{
    public TurnMachine(Func<TState> stateAccessor, Action<TState> stateMutator)
        : base(stateAccessor, stateMutator, FiringMode.Immediate) =>
        OnUnhandledTrigger((_, _) => Handled = false);

    /// <summary>False once a trigger was fired that the state did not take.</summary>
    public bool Handled { get; private set; } = true;

    /// <returns>False when the current state does not take <paramref name="trigger"/>.</returns>
    public bool Try(TTrigger trigger)
    {
        Fire(trigger);
        return Handled;
    }

    /// <inheritdoc cref="Try(TTrigger)"/>
    public bool Try<TArgument>(TriggerWithParameters<TArgument> trigger, TArgument argument)
    {
        Fire(trigger, argument);
        return Handled;
    }

    /// <inheritdoc cref="Try(TTrigger)"/>
    public async Task<bool> TryAsync(TTrigger trigger)
    {
        await FireAsync(trigger);
        return Handled;
    }

    /// <inheritdoc cref="Try(TTrigger)"/>
    public async Task<bool> TryAsync<TArgument>(TriggerWithParameters<TArgument> trigger, TArgument argument)
    {
        await FireAsync(trigger, argument);
        return Handled;
    }
}
