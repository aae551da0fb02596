namespace JumysBot.Conversations.StateMachines;

/// <summary>
/// A small state machine shaped like Stateless. The state lives outside it, read and written through an accessor
/// and a mutator, so a machine is built afresh for each update from what storage holds. A trigger the current state
/// does not permit goes to <see cref="OnUnhandledTrigger"/> (a conversation asks again) instead of throwing.
/// </summary>
public sealed class StateMachine<TState, TTrigger>
    where TState : notnull
{
    private readonly Func<TState> _read;
    private readonly Action<TState> _write;
    private readonly Dictionary<TState, StateRepresentation<TState, TTrigger>> _states = [];
    private Action<TState, TTrigger> _unhandled = (state, trigger) =>
        throw new InvalidOperationException($"No transition from '{state}' on '{trigger}'.");

    public StateMachine(Func<TState> stateAccessor, Action<TState> stateMutator)
    {
        ArgumentNullException.ThrowIfNull(stateAccessor);
        ArgumentNullException.ThrowIfNull(stateMutator);
        _read = stateAccessor;
        _write = stateMutator;
    }

    public TState State => _read();

    public StateConfiguration<TState, TTrigger> Configure(TState state) => new(Representation(state));

#pragma warning disable CA1822 // An instance method, as in Stateless, so a flow reads machine.SetTriggerParameters(...).
    public TriggerWithParameters<TTrigger, TArg> SetTriggerParameters<TArg>(TTrigger trigger) => new(trigger);
#pragma warning restore CA1822

    public void OnUnhandledTrigger(Action<TState, TTrigger> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        _unhandled = handler;
    }

    public bool CanFire(TTrigger trigger) => Representation(State).Find(trigger, null) is not null;

    public void Fire(TTrigger trigger) => Fire(trigger, null);

    public void Fire<TArg>(TriggerWithParameters<TTrigger, TArg> trigger, TArg argument)
    {
        ArgumentNullException.ThrowIfNull(trigger);
        Fire(trigger.Trigger, argument);
    }

    /// <summary>Runs the entry actions of the current state, as when the flow starts there.</summary>
    public void Activate(TTrigger trigger)
    {
        var state = State;
        foreach (var entry in Representation(state).EntryActions)
        {
            entry(new Transition<TState, TTrigger>(state, state, trigger, null));
        }
    }

    public StateMachineInfo GetInfo() => new(
        [.. _states.Values.Select(s => new StateInfo(
            s.State.ToString()!,
            [.. s.Behaviours.Where(b => !b.IsIgnore).SelectMany(b => b.PossibleDestinations.Select(d => new TransitionInfo(b.Trigger!.ToString()!, d.ToString()!, b.GuardDescription)))],
            [.. s.Behaviours.Where(b => b.IsIgnore).Select(b => b.Trigger!.ToString()!)]))]);

    private void Fire(TTrigger trigger, object? argument)
    {
        var source = State;
        var representation = Representation(source);
        var behaviour = representation.Find(trigger, argument);
        if (behaviour is null)
        {
            _unhandled(source, trigger);
            return;
        }

        if (behaviour.IsIgnore)
        {
            return;
        }

        var destination = behaviour.Destination!(argument);
        var transition = new Transition<TState, TTrigger>(source, destination, trigger, argument);
        foreach (var exit in representation.ExitActions)
        {
            exit(transition);
        }

        _write(destination);
        foreach (var entry in Representation(destination).EntryActions)
        {
            entry(transition);
        }
    }

    private StateRepresentation<TState, TTrigger> Representation(TState state)
    {
        if (!_states.TryGetValue(state, out var representation))
        {
            _states[state] = representation = new StateRepresentation<TState, TTrigger>(state);
        }

        return representation;
    }
}
