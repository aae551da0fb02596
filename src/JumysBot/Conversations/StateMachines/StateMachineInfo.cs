namespace JumysBot.Conversations.StateMachines;

/// <summary>A description of a machine's states and transitions, for diagrams and documentation.</summary>
public sealed record StateMachineInfo(IReadOnlyList<StateInfo> States);

public sealed record StateInfo(string Name, IReadOnlyList<TransitionInfo> Transitions, IReadOnlyList<string> IgnoredTriggers);

public sealed record TransitionInfo(string Trigger, string Destination, string? GuardDescription);
