namespace JumysBot.Conversations.StateMachines;

/// <summary>A move from one state to another, with the argument its trigger carried (a typed text, a contact…).</summary>
public sealed record Transition<TState, TTrigger>(TState Source, TState Destination, TTrigger Trigger, object? Argument);
