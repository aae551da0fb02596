namespace JumysBot.Conversations;

/// <summary>
/// A part of the conversation that answers a typed text no button on the screen matched, at the steps it claims (the
/// catalog searches the measures while a person browses). Registered as an <see cref="IChoiceHandler"/>.
/// </summary>
public interface ITypedTextHandler : IChoiceHandler
{
    /// <returns>False when a text at this step is not this part's to answer.</returns>
    bool OnText(ConversationContext context, string typed);
}
