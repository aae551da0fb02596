namespace JumysBot.Conversations.StateMachines;

/// <summary>The fluent builder for one state, as in Stateless: <c>Configure(state).Permit(trigger, target)</c>.</summary>
public sealed class StateConfiguration<TState, TTrigger>
{
    private readonly StateRepresentation<TState, TTrigger> _representation;

    internal StateConfiguration(StateRepresentation<TState, TTrigger> representation) => _representation = representation;

    public StateConfiguration<TState, TTrigger> Permit(TTrigger trigger, TState destination) =>
        Add(trigger, _ => destination, _ => true, null, [destination]);

    public StateConfiguration<TState, TTrigger> PermitIf(TTrigger trigger, TState destination, Func<bool> guard, string guardDescription)
    {
        ArgumentNullException.ThrowIfNull(guard);
        return Add(trigger, _ => destination, _ => guard(), guardDescription, [destination]);
    }

    public StateConfiguration<TState, TTrigger> PermitIf<TArg>(
        TriggerWithParameters<TTrigger, TArg> trigger, TState destination, Func<TArg, bool> guard, string guardDescription)
    {
        ArgumentNullException.ThrowIfNull(trigger);
        ArgumentNullException.ThrowIfNull(guard);
        return Add(trigger.Trigger, _ => destination, a => a is TArg typed && guard(typed), guardDescription, [destination]);
    }

    /// <summary>Moves to a state chosen when the trigger fires; <paramref name="possible"/> names the choices for the diagram.</summary>
    public StateConfiguration<TState, TTrigger> PermitDynamic(TTrigger trigger, Func<TState> destination, params TState[] possible)
    {
        ArgumentNullException.ThrowIfNull(destination);
        return Add(trigger, _ => destination(), _ => true, null, possible);
    }

    /// <summary>Moves, when the guard holds, to a state chosen from the trigger's argument (read before any exit action).</summary>
    public StateConfiguration<TState, TTrigger> PermitDynamicIf<TArg>(
        TriggerWithParameters<TTrigger, TArg> trigger, Func<TArg, TState> destination, Func<TArg, bool> guard, string guardDescription, params TState[] possible)
    {
        ArgumentNullException.ThrowIfNull(trigger);
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentNullException.ThrowIfNull(guard);
        return Add(trigger.Trigger, a => destination((TArg)a!), a => a is TArg typed && guard(typed), guardDescription, possible);
    }

    /// <summary>The trigger is expected here and does nothing: no re-prompt, no move.</summary>
    public StateConfiguration<TState, TTrigger> Ignore(TTrigger trigger)
    {
        _representation.Behaviours.Add(new(trigger, null, _ => true, null, []));
        return this;
    }

    public StateConfiguration<TState, TTrigger> OnEntry(Action entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        _representation.EntryActions.Add(_ => entry());
        return this;
    }

    public StateConfiguration<TState, TTrigger> OnEntry(Action<Transition<TState, TTrigger>> entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        _representation.EntryActions.Add(entry);
        return this;
    }

    /// <summary>Runs when the state is left by <paramref name="trigger"/>, with its argument: where an answer is recorded.</summary>
    public StateConfiguration<TState, TTrigger> OnExitWith<TArg>(TriggerWithParameters<TTrigger, TArg> trigger, Action<TArg> exit)
    {
        ArgumentNullException.ThrowIfNull(trigger);
        ArgumentNullException.ThrowIfNull(exit);
        _representation.ExitActions.Add(t =>
        {
            if (EqualityComparer<TTrigger>.Default.Equals(t.Trigger, trigger.Trigger) && t.Argument is TArg argument)
            {
                exit(argument);
            }
        });
        return this;
    }

    private StateConfiguration<TState, TTrigger> Add(
        TTrigger trigger, Func<object?, TState> destination, Func<object?, bool> guard, string? description, IReadOnlyList<TState> possible)
    {
        _representation.Behaviours.Add(new(trigger, destination, guard, description, possible));
        return this;
    }
}
