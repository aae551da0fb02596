namespace JumysBot.Conversations;

/// <summary>Where a chat stands in its conversation; <see cref="Data"/> belongs to the flow that owns the step.</summary>
public sealed record ConversationState(string Step, string? Data = null)
{
    public static ConversationState Fresh { get; } = new(Steps.New);
}
