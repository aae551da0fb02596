using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace JumysBot.Storage;

/// <summary>The SQLite file: opens pooled connections in WAL mode, applies migrations, starts transactions.</summary>
public sealed partial class BotDatabase : IDisposable
{
    private readonly string _connectionString;
    private readonly TimeProvider _time;
    private readonly ILogger<BotDatabase> _logger;
    private readonly string _pragmas;

    // SQLite has one writer at a time; a writer that finds the lock taken sleeps and retries, adding tens of
    // milliseconds. Queueing writers here instead keeps every write transaction at the speed of the disk.
    private readonly SemaphoreSlim _writeGate = new(1, 1);

    public BotDatabase(IOptions<StorageOptions> options, TimeProvider time, ILogger<BotDatabase> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        FilePath = Path.GetFullPath(options.Value.Path);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = FilePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = options.Value.BusyTimeoutSeconds,
        }.ToString();
        _time = time;
        _logger = logger;
        _pragmas = $"PRAGMA foreign_keys = ON; PRAGMA synchronous = {options.Value.Durability.ToString().ToUpperInvariant()}; PRAGMA secure_delete = ON;";
        Protector = new Privacy.FieldProtector(options.Value.EncryptionKey, options.Value.PreviousEncryptionKeys);
    }

    /// <summary>Encrypts and decrypts personal fields as the repositories write and read them.</summary>
    public Privacy.FieldProtector Protector { get; }

    public string FilePath { get; }

    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
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

    /// <summary>Starts a write transaction (<c>BEGIN IMMEDIATE</c>); writers of this process queue for their turn.</summary>
    public async Task<StorageTransaction> BeginAsync(CancellationToken cancellationToken)
    {
        await _writeGate.WaitAsync(cancellationToken);
        SqliteConnection? connection = null;
        try
        {
            connection = await OpenAsync(cancellationToken);
            // Microsoft.Data.Sqlite has no async BEGIN IMMEDIATE; SQLite does the work synchronously either way.
            var transaction = connection.BeginTransaction(deferred: false);
            return new StorageTransaction(connection, transaction, _time, Protector, () => _writeGate.Release());
        }
        catch
        {
            if (connection is not null)
            {
                await connection.DisposeAsync();
            }

            _writeGate.Release();
            throw;
        }
    }

    /// <summary>A read-only look (deferred transaction): it does not queue behind writers.</summary>
    public async Task<StorageTransaction> BeginReadAsync(CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken);
        try
        {
            var transaction = connection.BeginTransaction(deferred: true);
            return new StorageTransaction(connection, transaction, _time, Protector);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        var folder = Path.GetDirectoryName(FilePath);
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        await using var connection = await OpenAsync(cancellationToken);
        await ExecuteAsync(connection, """
            PRAGMA journal_mode = WAL;
            CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL);
            """, cancellationToken);

        await using // Microsoft.Data.Sqlite has no async BEGIN IMMEDIATE; SQLite does the work synchronously either way.
            var transaction = connection.BeginTransaction(deferred: false);
        await using var read = new SqliteCommand("SELECT COALESCE(MAX(version), 0) FROM schema_migrations", connection, transaction);
        var current = Convert.ToInt32(await read.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        foreach (var (version, sql) in Migrations.All.Where(m => m.Version > current))
        {
            await using var apply = new SqliteCommand(sql, connection, transaction);
            await apply.ExecuteNonQueryAsync(cancellationToken);
            await using var record = new SqliteCommand("INSERT INTO schema_migrations (version, applied_at) VALUES (@v, @at)", connection, transaction);
            record.Parameters.AddWithValue("@v", version);
            record.Parameters.AddWithValue("@at", _time.GetUtcNow().ToUnixTimeMilliseconds());
            await record.ExecuteNonQueryAsync(cancellationToken);
            LogMigrationApplied(version);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>An online backup to another file while the bot runs (SQLite's backup API, a consistent copy).</summary>
    public async Task BackupAsync(string targetPath, CancellationToken cancellationToken)
    {
        await using var source = await OpenAsync(cancellationToken);
        await using var target = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = System.IO.Path.GetFullPath(targetPath), Pooling = false }.ToString());
        await target.OpenAsync(cancellationToken);
        source.BackupDatabase(target);
    }

    /// <summary>Moves everything from the write-ahead log into the database file and empties the log.</summary>
    public async Task CheckpointAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
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

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new SqliteCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied database migration {Version}")]
    private partial void LogMigrationApplied(int version);

    public void Dispose() => _writeGate.Dispose();
}
