namespace StoreShootout;

/// <summary>One embedded store doing the bot's writes; each call to <see cref="HandleAsync"/> is one commit.</summary>
internal interface IShootoutStore : IDisposable
{
    /// <summary>A short name for the tables of figures.</summary>
    string Name { get; }

    /// <summary>Every file the store keeps on disk for its database (the file itself, its log or journal, and so on).</summary>
    IReadOnlyList<string> Files { get; }

    /// <summary>Stores updates as received (the bot does this before handling them, in its own transactions).</summary>
    Task ReceiveAsync(IReadOnlyList<InboxRow> rows, CancellationToken cancellationToken);

    /// <summary>Writes the updates in one transaction with one commit: per update, state upsert, outbox insert, inbox mark.</summary>
    Task HandleAsync(IReadOnlyList<UpdateWrite> updates, CancellationToken cancellationToken);

    /// <summary>Everything the crash check needs, read back after a reopen.</summary>
    Task<StoredState> ReadBackAsync(CancellationToken cancellationToken);

    /// <summary>Writes a person's records, spread over several updates as a conversation would.</summary>
    Task WritePersonAsync(PersonRecord person, CancellationToken cancellationToken);

    /// <summary>Erases the person as the bot's /forget does, in one transaction.</summary>
    Task ErasePersonAsync(PersonRecord person, CancellationToken cancellationToken);

    /// <summary>What the store offers to push the erased bytes out of its files (a checkpoint, a rebuild); returns what it did.</summary>
    Task<IReadOnlyList<string>> CompactAsync(CompactStep step, CancellationToken cancellationToken);
}

internal enum CompactStep
{
    /// <summary>What the bot does after /forget: move the log into the database file and empty it.</summary>
    Checkpoint,

    /// <summary>Rewrite the whole file (SQLite VACUUM, LiteDB Rebuild).</summary>
    Rebuild,
}

/// <summary>A store's contents as the crash check sees them.</summary>
internal sealed record StoredState(
    IReadOnlyList<(long UpdateId, bool Handled, bool HasPayload)> Inbox,
    IReadOnlyList<long> OutboxUpdates,
    IReadOnlyDictionary<long, string> StepByChat,
    string IntegrityCheck);

/// <summary>A person with texts distinctive enough to be found in a file's raw bytes.</summary>
internal sealed record PersonRecord(long PersonId, long ChatId, string Name, string Phone, string Comment);
