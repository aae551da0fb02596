using Stateless;
using Stateless.Reflection;

namespace JumysBot.Conversations;

/// <summary>Small additions to Stateless's fluent configuration that the conversations share.</summary>
internal static class FlowConfiguration
{
    /// <summary>
    /// Runs when the state is left by <paramref name="trigger"/>, with the trigger's argument: where an answer is
    /// recorded. A dynamic transition has chosen its destination by then, from the answer as it was before.
    /// </summary>
    public static StateMachine<TState, TTrigger>.StateConfiguration OnExitWith<TState, TTrigger, TArg>(
        this StateMachine<TState, TTrigger>.StateConfiguration configuration,
        StateMachine<TState, TTrigger>.TriggerWithParameters<TArg> trigger,
        Action<TArg> exit,
        string description)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(trigger);
        ArgumentNullException.ThrowIfNull(exit);
        return configuration.OnExit(
            t =>
            {
                if (EqualityComparer<TTrigger>.Default.Equals(t.Trigger, trigger.Trigger) && t.Parameters is [TArg argument, ..])
                {
                    exit(argument);
                }
            },
            description);
    }

    /// <summary>The states a dynamic transition may choose, each with when it is chosen, for the diagram.</summary>
    public static DynamicStateInfos Possible<TState>(params ReadOnlySpan<(TState State, string When)> states)
    {
        var infos = new DynamicStateInfos();
        foreach (var (state, when) in states)
        {
            infos.Add(state, when);
        }

        return infos;
    }
}
