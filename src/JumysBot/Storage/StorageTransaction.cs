using System.Data.Common;
using Npgsql;

namespace JumysBot.Storage;

/// <summary>
/// One unit of work: every repository it hands out writes inside the same transaction,
/// so a conversation step, its outgoing messages and the handled inbox row commit together or not at all.
/// </summary>
public sealed class StorageTransaction : IAsyncDisposable
{
    private readonly DbConnection _connection;
    private readonly DbTransaction _transaction;

    private readonly StatementCache? _statements;
    private readonly Action<bool>? _end;
    private bool _committed;
    private readonly HeldStatements? _held;

    internal StorageTransaction(DbConnection connection, DbTransaction transaction, SqlDialect dialect, TimeProvider time, FieldProtector protector, bool isWrite,
        StatementCache? statements = null, Action<bool>? end = null)
    {
        _statements = statements;
        _end = end;
        Protector = protector;
        Dialect = dialect;
        IsWrite = isWrite;
        _connection = connection;
        _transaction = transaction;
        if (connection is NpgsqlConnection postgres)
        {
            _held = new HeldStatements(postgres, (NpgsqlTransaction)transaction);
        }

        Now = time.GetUtcNow().ToUnixTimeMilliseconds();
        People = new PeopleRepository(this);
        Conversations = new ConversationRepository(this);
        Inbox = new InboxRepository(this);
        Outbox = new OutboxRepository(this);
        Leads = new LeadRepository(this);
        Consultants = new ConsultantRepository(this);
        Announcements = new AnnouncementRepository(this);
        Audit = new AuditLog(this);
    }

    internal FieldProtector Protector { get; }

    internal SqlDialect Dialect { get; }

    /// <summary>True for a write transaction: reads it makes for a later write lock their rows (on PostgreSQL).</summary>
    internal bool IsWrite { get; }

    /// <summary><c>FOR UPDATE</c> where a write follows the read and rows must be locked for it; empty otherwise.</summary>
    internal string ForUpdate => IsWrite ? Dialect.ForUpdate : "";

    /// <summary>The chats whose locks this transaction holds already (on PostgreSQL): taking one again costs a round trip for nothing.</summary>
    internal HashSet<long> LockedChats { get; } = [];

    /// <summary>The time of this unit of work in unix milliseconds, one value for every row it writes.</summary>
    public long Now { get; }

    public PeopleRepository People { get; }

    public ConversationRepository Conversations { get; }

    public InboxRepository Inbox { get; }

    public OutboxRepository Outbox { get; }

    public LeadRepository Leads { get; }

    public ConsultantRepository Consultants { get; }

    public AnnouncementRepository Announcements { get; }

    public AuditLog Audit { get; }

    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        await FlushAsync(cancellationToken);
        await _transaction.CommitAsync(cancellationToken);
        _committed = true;
    }

    internal DbCommand Command(string sql, params ReadOnlySpan<(string Name, object? Value)> parameters) =>
        _statements?.Take(sql, _transaction) is { } kept
            ? BotDatabase.WithParameters(kept, parameters)
            : _held is not null
                ? new BatchingCommand((NpgsqlCommand)BotDatabase.Command(_connection, _transaction, sql, parameters), _held)
                : BotDatabase.Command(_connection, _transaction, sql, parameters);

    /// <summary>
    /// Runs a write whose outcome nobody reads (an upsert, an insert without RETURNING). On PostgreSQL it is held back
    /// and sent with the other held writes in one batch, one round trip, before the transaction's next statement, its
    /// savepoint's release or its commit; SQLite, in the same process, runs it at once. The command may be disposed after.
    /// </summary>
    internal async Task WriteAsync(DbCommand command, CancellationToken cancellationToken)
    {
        if (command is BatchingCommand { Inner: var inner } && _held is not null)
        {
            _held.HoldWrite(HeldStatements.Copy(inner));
            return;
        }

        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// Plans a read (a SELECT) that the update will make: on PostgreSQL it goes with the transaction's next statement, in
    /// the same round trip, and its rows answer the read when it is made. SQLite, in the same process, reads when asked.
    /// </summary>
    internal void ReadAhead(string sql, params ReadOnlySpan<(string Name, object? Value)> parameters)
    {
        if (_held is not null)
        {
            using var read = (NpgsqlCommand)BotDatabase.Command(_connection, _transaction, sql, parameters);
            _held.PlanRead(read);
        }
    }

    /// <summary>Sends what is held back, if anything, in one round trip.</summary>
    internal async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (_held is null || _held.IsEmpty)
        {
            return;
        }

        var (batch, reader) = await _held.SendAsync(null, cancellationToken);
        await reader.DisposeAsync();
        await batch.DisposeAsync();
    }

    /// <summary>Runs one piece of work inside this transaction so that its failure undoes only its own writes.</summary>
    internal async Task InSavepointAsync(Func<StorageTransaction, Task> work)
    {
        if (_held is null)
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
            return;
        }

        // On PostgreSQL the savepoint goes with the piece's first statement and its release with the piece's held
        // writes: a piece costs no round trip of its own. Held writes fail inside the savepoint, undoing this piece alone.
        var savepoint = new NpgsqlBatchCommand("SAVEPOINT work");
        _held.HoldWrite(savepoint);
        try
        {
            await work(this);
            _held.HoldWrite(new NpgsqlBatchCommand("RELEASE work"));
            await FlushAsync(CancellationToken.None);
        }
        catch
        {
            var sent = !_held.Holds(savepoint);
            _held.Clear();
            if (sent)
            {
                await ExecuteAsync("ROLLBACK TO work; RELEASE work");
            }

            throw;
        }
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
        }
        finally
        {
            if (_end is null)
            {
                await _connection.DisposeAsync();
            }
            else
            {
                _end(_committed);
            }
        }
    }
}
