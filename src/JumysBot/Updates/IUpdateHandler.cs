using JumysBot.Storage;

namespace JumysBot.Updates;

/// <summary>
/// One part of the bot that may answer an update: flood control, the consultants' buttons and commands, the
/// administrators' tools, the person's conversation. Handlers run in <see cref="Order"/>; the first that returns a
/// result takes the update and the rest never see it. A feature registers its own with <c>AddUpdateHandler</c>.
/// </summary>
public interface IUpdateHandler
{
    /// <summary>Lower runs first; see <see cref="HandlerOrder"/>.</summary>
    int Order { get; }

    /// <returns>Null when the update is not this handler's.</returns>
    ValueTask<HandlerResult?> HandleAsync(UpdateContext update, CancellationToken cancellationToken);

    /// <summary>
    /// Plans the reads this handler makes for <paramref name="input"/> (the repositories' <c>ReadAhead</c>), before the
    /// update's first statement: on PostgreSQL they go in its round trip instead of one each.
    /// </summary>
    void PlanReads(StorageTransaction store, Incoming input)
    {
    }
}

/// <summary>The places in the chain, far apart so that a new handler fits between two.</summary>
public static class HandlerOrder
{
    /// <summary>Before anything reads the update: a flooding chat is held back.</summary>
    public const int FloodControl = 0;

    /// <summary>Consultants' and administrators' actions, which never reach a person's conversation.</summary>
    public const int Staff = 100;

    /// <summary>The person-facing conversation: takes every message of a private chat.</summary>
    public const int Conversation = 1000;

    /// <summary>What nobody else took: a blocked bot, a member change.</summary>
    public const int Fallback = 2000;
}
