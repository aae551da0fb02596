using System.Text;

namespace JumysBot.Conversations.StateMachines;

/// <summary>Writes a machine as a Mermaid state diagram, as Stateless's <c>MermaidGraph.Format</c> does.</summary>
public static class MermaidGraph
{
    public static string Format(StateMachineInfo info, string? initialState = null)
    {
        ArgumentNullException.ThrowIfNull(info);
        var graph = new StringBuilder("stateDiagram-v2\n");
        if (initialState is not null)
        {
            graph.Append("    [*] --> ").Append(initialState).Append('\n');
        }

        foreach (var state in info.States)
        {
            foreach (var transition in state.Transitions)
            {
                graph.Append("    ").Append(state.Name).Append(" --> ").Append(transition.Destination).Append(" : ").Append(transition.Trigger);
                if (transition.GuardDescription is { } guard)
                {
                    graph.Append(" [").Append(guard).Append(']');
                }

                graph.Append('\n');
            }
        }

        return graph.ToString();
    }
}
