namespace JumysBot.Conversations;

/// <summary>
/// The steps a conversation keeps with the chat, and the states of its machine they stand for. A step the
/// conversation does not own stands for <see cref="Otherwise"/>.
/// </summary>
internal sealed class StepNames<TState>
    where TState : struct, Enum
{
    private readonly Dictionary<string, TState> _states;

    public StepNames(TState otherwise, params ReadOnlySpan<(string Step, TState State)> steps)
    {
        Otherwise = otherwise;
        _states = new Dictionary<string, TState>(steps.Length, StringComparer.Ordinal);
        foreach (var (step, state) in steps)
        {
            _states.Add(step, state);
        }
    }

    public TState Otherwise { get; }

    public TState StateOf(string? step) => step is not null && _states.TryGetValue(step, out var state) ? state : Otherwise;

    public bool Owns(string? step) => step is not null && _states.ContainsKey(step);
}
