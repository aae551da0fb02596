namespace JumysBot.Conversations;

/// <summary>A part of the conversation that answers the buttons whose ids start with one of its <see cref="Prefixes"/>.</summary>
public interface IChoiceHandler
{
    IReadOnlyList<string> Prefixes { get; }

    /// <param name="fromCurrentScreen">False for a button of an older message, or forged data.</param>
    /// <returns>False when the id means nothing here: the person is told the button is out of date.</returns>
    bool OnChoice(ConversationContext context, string choiceId, bool fromCurrentScreen);
}
