using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace JumysBot.Storage;

/// <summary>The SQLite file: pooled connections in WAL mode, one writer at a time.</summary>
internal sealed class SqliteEngine : IStoreEngine
{
    private readonly string _connectionString;
    private readonly string _pragmas;

    // SQLite has one writer at a time; a writer that finds the lock taken sleeps and retries, adding tens of
    // milliseconds. Queueing writers here instead keeps every write transaction at the speed of the disk.
    private readonly SemaphoreSlim _writeGate = new(1, 1);

    // The writer's own connection, open while writes succeed, with its statements kept prepared; only the holder of
    // the write gate touches these. A failed or abandoned write closes it, so no odd state outlives a fault.
    private SqliteConnection? _writer;
    private StatementCache? _statements;

    public SqliteEngine(StorageOptions options)
    {
        FilePath = Path.GetFullPath(options.Path);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = FilePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = options.BusyTimeoutSeconds,
        }.ToString();
        _pragmas = $"PRAGMA foreign_keys = ON; PRAGMA synchronous = {options.Durability.ToString().ToUpperInvariant()}; PRAGMA secure_delete = ON;";
    }

    public string FilePath { get; }

    public SqlDialect Dialect => SqlDialect.Sqlite;

    public IReadOnlyList<(int Version, string Sql)> Migrations => Storage.Migrations.All;

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken) => await OpenSqliteAsync(cancellationToken);

    private async Task<SqliteConnection> OpenSqliteAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            // synchronous=FULL by default: a request the person saw confirmed survives a power cut, not only a crash.
            // secure_delete: erased personal data is overwritten with zeros, not left in free pages.
            await ExecuteAsync(connection, _pragmas, cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public async Task<(DbConnection Connection, DbTransaction Transaction, StatementCache? Statements, Action<bool>? End)> BeginWriteAsync(CancellationToken cancellationToken)
    {
        await _writeGate.WaitAsync(cancellationToken);
        try
        {
            if (_writer is null)
            {
                _writer = await OpenSqliteAsync(cancellationToken);
                _statements = new StatementCache(_writer);
            }

            // Microsoft.Data.Sqlite has no async BEGIN IMMEDIATE; SQLite does the work synchronously either way.
            return (_writer, _writer.BeginTransaction(deferred: false), _statements, EndWrite);
        }
        catch
        {
            CloseWriter();
            _writeGate.Release();
            throw;
        }
    }

    private void EndWrite(bool committed)
    {
        try
        {
            if (!committed)
            {
                CloseWriter();
            }
        }
        finally
        {
            _writeGate.Release();
        }
    }

    private void CloseWriter()
    {
        _statements?.Dispose();
        _statements = null;
        _writer?.Dispose();
        _writer = null;
    }

    public async Task<(DbConnection Connection, DbTransaction Transaction)> BeginReadAsync(CancellationToken cancellationToken)
    {
        var connection = await OpenSqliteAsync(cancellationToken);
        try
        {
            return (connection, connection.BeginTransaction(deferred: true));
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public async Task<(DbConnection Connection, DbTransaction Transaction)> BeginMigrationAsync(CancellationToken cancellationToken)
    {
        var folder = Path.GetDirectoryName(FilePath);
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        var connection = await OpenSqliteAsync(cancellationToken);
        try
        {
            await ExecuteAsync(connection, """
                PRAGMA journal_mode = WAL;
                CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL);
                """, cancellationToken);
            return (connection, connection.BeginTransaction(deferred: false));
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>An online backup to another file while the bot runs (SQLite's backup API, a consistent copy).</summary>
    public async Task BackupAsync(string targetPath, CancellationToken cancellationToken)
    {
        await using var source = await OpenSqliteAsync(cancellationToken);
        await using var target = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.GetFullPath(targetPath), Pooling = false }.ToString());
        await target.OpenAsync(cancellationToken);
        source.BackupDatabase(target);
    }

    /// <summary>Moves everything from the write-ahead log into the database file and empties the log.</summary>
    public async Task CheckpointAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenSqliteAsync(cancellationToken);
        for (var attempt = 0; attempt < 20; attempt++)
        {
            await using var command = new SqliteCommand("PRAGMA wal_checkpoint(TRUNCATE)", connection);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            // The first column is 1 when a reader kept the checkpoint from finishing.
            if (await reader.ReadAsync(cancellationToken) && reader.GetInt64(0) == 0)
            {
                return;
            }

            await Task.Delay(50, cancellationToken);
        }
    }

    public void ReleaseConnections()
    {
        // At shutdown the writers are done; one still stuck keeps its connection rather than hold the shutdown up.
        if (_writeGate.Wait(TimeSpan.FromSeconds(5)))
        {
            CloseWriter();
            _writeGate.Release();
        }

        SqliteConnection.ClearAllPools();
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new SqliteCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public void Dispose()
    {
        CloseWriter();
        _writeGate.Dispose();
    }
}
