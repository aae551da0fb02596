using JumysBot.Updates;

namespace JumysBot.Conversations;

/// <summary>
/// Where a chat stands: the step, the step's own data, and the question last asked with its buttons, so a typed
/// answer can be matched to a button and the question asked again after anything unexpected.
/// </summary>
public sealed record ConversationState(string Step, string? Data = null)
{
    public static ConversationState Fresh { get; } = new(Steps.New);

    /// <summary>The buttons of the last question, in their numbered order.</summary>
    public IReadOnlyList<Choice> Choices { get; init; } = [];

    /// <summary>The short text that asks the last question again.</summary>
    public string? Prompt { get; init; }
}
