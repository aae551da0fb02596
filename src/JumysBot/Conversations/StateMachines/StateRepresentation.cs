namespace JumysBot.Conversations.StateMachines;

/// <summary>The plain model of one state that <see cref="StateConfiguration{TState, TTrigger}"/> fills.</summary>
internal sealed class StateRepresentation<TState, TTrigger>(TState state)
{
    public TState State { get; } = state;

    public List<TriggerBehaviour<TState, TTrigger>> Behaviours { get; } = [];

    public List<Action<Transition<TState, TTrigger>>> EntryActions { get; } = [];

    public List<Action<Transition<TState, TTrigger>>> ExitActions { get; } = [];

    /// <summary>The first behaviour for the trigger whose guard holds for the argument.</summary>
    public TriggerBehaviour<TState, TTrigger>? Find(TTrigger trigger, object? argument) =>
        Behaviours.FirstOrDefault(b => EqualityComparer<TTrigger>.Default.Equals(b.Trigger, trigger) && b.Guard(argument));
}
