using JumysBot.Storage;
using JumysBot.Updates;

namespace JumysBot.Conversations;

/// <summary>
/// The person-facing conversation as a handler: reads the person and their step, lets the conversation decide, and
/// stores the new step and profile; what the turn changes beyond that goes back to the chain as effects.
/// </summary>
public sealed class PersonConversation(IConversationHandler conversation, IEnumerable<IProfileLoader> loaders) : IUpdateHandler
{
    public int Order => HandlerOrder.Conversation;

    public void PlanReads(StorageTransaction store, Incoming input)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(input);
        if (!input.IsPrivateChat)
        {
            return;
        }

        store.People.ReadAhead(input.UserId);
        store.Conversations.ReadAhead(input.ChatId);
        foreach (var loader in loaders)
        {
            loader.PlanReads(store, input.UserId);
        }
    }

    public async ValueTask<HandlerResult?> HandleAsync(UpdateContext update, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(update);
        if (update.Input is not { } input)
        {
            return null;
        }

        var store = update.Store;
        var person = await store.People.FindAsync(input.UserId, cancellationToken) ?? new Person(input.UserId);
        person = person with { IsActive = true };
        foreach (var loader in loaders)
        {
            person = await loader.LoadAsync(store, person, cancellationToken);
        }

        var state = await store.Conversations.FindAsync(input.ChatId, cancellationToken) ?? ConversationState.Fresh;
        var turn = await conversation.HandleAsync(input, person, state, update.Language, cancellationToken);
        if (input.IsPrivateChat)
        {
            // Saved before the effects: an erasure among them removes both again.
            await store.People.SaveAsync(turn.Person, cancellationToken);
            await store.Conversations.SaveAsync(input.ChatId, turn.State, cancellationToken);
        }

        return new HandlerResult(turn.Messages, turn.Effects);
    }
}
