namespace JumysBot.Conversations;

/// <summary>
/// Answers the buttons of messages the bot sent on its own (a follow-up after a consultant worked a request), whatever
/// the chat is doing: a form being filled in does not swallow them. The handler checks every such press itself.
/// </summary>
public interface IAnytimeChoiceHandler : IChoiceHandler;
