using JumysBot.Updates;

namespace JumysBot.Conversations;

/// <summary>Decides what happens next. Pure: it reads nothing and writes nothing, the caller stores the <see cref="Turn"/>.</summary>
public interface IConversationHandler
{
    /// <param name="language">The language decided for this update, before any handler ran.</param>
    ValueTask<Turn> HandleAsync(Incoming input, Person person, ConversationState state, Localization.Language language, CancellationToken cancellationToken);
}
