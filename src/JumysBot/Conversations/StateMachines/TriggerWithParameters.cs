namespace JumysBot.Conversations.StateMachines;

/// <summary>A trigger that carries an argument; guards and actions receive it typed.</summary>
public sealed record TriggerWithParameters<TTrigger, TArg>(TTrigger Trigger);
