using System.Data;
using System.Data.Common;
using System.Globalization;
using Npgsql;

namespace JumysBot.Storage;

/// <summary>
/// A PostgreSQL server shared by several bot instances. Writes run side by side at READ COMMITTED; where the SQLite
/// code relied on one writer at a time, the transaction takes an explicit lock (a chat, a lead row, an outbox row).
/// </summary>
internal sealed class PostgresEngine : IStoreEngine
{
    /// <summary>The first key of every two-part advisory lock this bot takes; the second names what is locked.</summary>
    public const int LockClass = 0x4A42; // "JB"

    private const int MigrationLock = 1;

    private readonly NpgsqlDataSource _dataSource;

    public PostgresEngine(StorageOptions options)
    {
        var builder = new NpgsqlConnectionStringBuilder(options.ConnectionString);
        // A write that waits this long for a lock held by another instance fails like a busy SQLite file: the person
        // hears one apology and the update is retried from the inbox.
        var lockTimeout = $"-c lock_timeout={(options.BusyTimeoutSeconds * 1000).ToString(CultureInfo.InvariantCulture)}";
        builder.Options = string.IsNullOrWhiteSpace(builder.Options) ? lockTimeout : $"{builder.Options} {lockTimeout}";
        // The bot's statements are a fixed few hundred: prepared once per connection, the server parses and plans each
        // once rather than at every use.
        if (builder.MaxAutoPrepare == 0)
        {
            builder.MaxAutoPrepare = 200;
        }

        // Nothing the bot leaves on a connection outlives its use (the session locks are released by their holders), so
        // the pool need not send DISCARD ALL with every connection it hands out, which would also drop the prepared statements.
        builder.NoResetOnClose = true;
        _dataSource = NpgsqlDataSource.Create(builder.ConnectionString);
    }

    public SqlDialect Dialect => SqlDialect.Postgres;

    public IReadOnlyList<(int Version, string Sql)> Migrations => PostgresMigrations.All;

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken) => await _dataSource.OpenConnectionAsync(cancellationToken);

    public async Task<(DbConnection Connection, DbTransaction Transaction, StatementCache? Statements, Action<bool>? End)> BeginWriteAsync(CancellationToken cancellationToken)
    {
        var (connection, transaction) = await BeginAsync(cancellationToken);
        return (connection, transaction, null, null);
    }

    public Task<(DbConnection Connection, DbTransaction Transaction)> BeginReadAsync(CancellationToken cancellationToken) => BeginAsync(cancellationToken);

    public async Task<(DbConnection Connection, DbTransaction Transaction)> BeginMigrationAsync(CancellationToken cancellationToken)
    {
        var (connection, transaction) = await BeginAsync(cancellationToken);
        try
        {
            // Instances started together queue here; the first migrates, the others find the work done.
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = $"""
                SELECT pg_advisory_xact_lock({LockClass}, {MigrationLock});
                CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL);
                """;
            await command.ExecuteNonQueryAsync(cancellationToken);
            return (connection, transaction);
        }
        catch
        {
            await transaction.DisposeAsync();
            await connection.DisposeAsync();
            throw;
        }
    }

    private async Task<(DbConnection Connection, DbTransaction Transaction)> BeginAsync(CancellationToken cancellationToken)
    {
        var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        try
        {
            return (connection, await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken));
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    // Deleted rows leave the table files when autovacuum reclaims their space, and the server's write-ahead log is
    // recycled on its own schedule: there is no per-erasure step to take here (see docs/privacy.md).
    public Task CheckpointAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task BackupAsync(string targetPath, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The database is on PostgreSQL: back it up with pg_dump (or the server's own backups).");

    public void ReleaseConnections() => _dataSource.Clear();

    public void Dispose() => _dataSource.Dispose();
}
