namespace JumysBot.Conversations.StateMachines;

/// <summary>What a state does with one trigger: move somewhere (perhaps only when a guard holds), or ignore it.</summary>
internal sealed record TriggerBehaviour<TState, TTrigger>(
    TTrigger Trigger,
    Func<object?, TState>? Destination,
    Func<object?, bool> Guard,
    string? GuardDescription,
    IReadOnlyList<TState> PossibleDestinations)
{
    public bool IsIgnore => Destination is null;
}
