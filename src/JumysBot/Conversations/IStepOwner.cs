namespace JumysBot.Conversations;

/// <summary>A part of the conversation that takes every input while the chat is at one of its steps (a form being filled).</summary>
public interface IStepOwner
{
    bool Owns(string stepName);

    void Handle(ConversationContext context);
}
