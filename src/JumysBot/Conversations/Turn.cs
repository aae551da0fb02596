using JumysBot.Updates;

namespace JumysBot.Conversations;

/// <summary>
/// The result of handling one input: the person and conversation as they are now, what to send, and what the turn
/// changes beyond the conversation (<see cref="Effects"/>, written by the features that own them).
/// </summary>
public sealed record Turn(Person Person, ConversationState State, IReadOnlyList<OutgoingMessage> Messages)
{
    public IReadOnlyList<IEffect> Effects { get; init; } = [];
}
