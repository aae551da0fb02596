using Microsoft.Data.Sqlite;

namespace JumysBot.Storage;

/// <summary>
/// One unit of work: every repository it hands out writes inside the same transaction,
/// so a conversation step, its outgoing messages and the handled inbox row commit together or not at all.
/// </summary>
public sealed class StorageTransaction : IAsyncDisposable
{
    private readonly SqliteConnection _connection;
    private readonly SqliteTransaction _transaction;

    private readonly Action? _release;

    internal StorageTransaction(SqliteConnection connection, SqliteTransaction transaction, TimeProvider time, Privacy.FieldProtector protector, Action? release = null)
    {
        _release = release;
        Protector = protector;
        _connection = connection;
        _transaction = transaction;
        Now = time.GetUtcNow().ToUnixTimeMilliseconds();
        People = new PeopleRepository(this);
        Conversations = new ConversationRepository(this);
        Inbox = new InboxRepository(this);
        Outbox = new OutboxRepository(this);
        Leads = new LeadRepository(this);
        Consultants = new ConsultantRepository(this);
        Announcements = new AnnouncementRepository(this);
    }

    internal Privacy.FieldProtector Protector { get; }

    /// <summary>The time of this unit of work in unix milliseconds, one value for every row it writes.</summary>
    public long Now { get; }

    public PeopleRepository People { get; }

    public ConversationRepository Conversations { get; }

    public InboxRepository Inbox { get; }

    public OutboxRepository Outbox { get; }

    public LeadRepository Leads { get; }

    public ConsultantRepository Consultants { get; }

    public AnnouncementRepository Announcements { get; }

    public Task CommitAsync(CancellationToken cancellationToken) => _transaction.CommitAsync(cancellationToken);

    internal SqliteCommand Command(string sql, params ReadOnlySpan<(string Name, object? Value)> parameters)
    {
        var command = _connection.CreateCommand();
        command.Transaction = _transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }

    /// <summary>Runs one piece of work inside this transaction so that its failure undoes only its own writes.</summary>
    internal async Task InSavepointAsync(Func<StorageTransaction, Task> work)
    {
        await ExecuteAsync("SAVEPOINT work");
        try
        {
            await work(this);
        }
        catch
        {
            await ExecuteAsync("ROLLBACK TO work; RELEASE work");
            throw;
        }

        await ExecuteAsync("RELEASE work");
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var command = Command(sql);
        await command.ExecuteNonQueryAsync(CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _transaction.DisposeAsync();
            await _connection.DisposeAsync();
        }
        finally
        {
            _release?.Invoke();
        }
    }
}
