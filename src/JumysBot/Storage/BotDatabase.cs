using System.Data.Common;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace JumysBot.Storage;

/// <summary>
/// The store: a SQLite file (the default) or a PostgreSQL server shared by several instances
/// (<c>Storage:Provider</c>). Applies migrations and starts transactions; the repositories run the same on both.
/// </summary>
public sealed partial class BotDatabase : IDisposable
{
    private readonly IStoreEngine _engine;
    private readonly TimeProvider _time;
    private readonly ILogger<BotDatabase> _logger;

    public BotDatabase(IOptions<StorageOptions> options, TimeProvider time, ILogger<BotDatabase> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        Provider = options.Value.Provider;
        _engine = Provider == StorageProvider.Postgres ? new PostgresEngine(options.Value) : new SqliteEngine(options.Value);
        _time = time;
        _logger = logger;
        Protector = new FieldProtector(options.Value.EncryptionKey, options.Value.PreviousEncryptionKeys, keyId => LogUnreadableField(keyId));
    }

    public StorageProvider Provider { get; }

    /// <summary>True on PostgreSQL, where several bot instances may share the store and must coordinate through it.</summary>
    public bool IsShared => Provider == StorageProvider.Postgres;

    /// <summary>Encrypts and decrypts personal fields as the repositories write and read them.</summary>
    public FieldProtector Protector { get; }

    /// <summary>The SQLite file; there is none on PostgreSQL.</summary>
    public string FilePath => (_engine as SqliteEngine)?.FilePath ?? throw new InvalidOperationException("The store is PostgreSQL: there is no database file.");

    internal SqlDialect Dialect => _engine.Dialect;

    public Task<DbConnection> OpenAsync(CancellationToken cancellationToken) => _engine.OpenAsync(cancellationToken);

    /// <summary>
    /// Starts a write transaction. On SQLite it is the one writer (<c>BEGIN IMMEDIATE</c>; writers of this process
    /// queue for their turn); on PostgreSQL writers run side by side and lock what they depend on.
    /// </summary>
    public async Task<StorageTransaction> BeginAsync(CancellationToken cancellationToken)
    {
        var (connection, transaction, statements, end) = await _engine.BeginWriteAsync(cancellationToken);
        return new StorageTransaction(connection, transaction, _engine.Dialect, _time, Protector, isWrite: true, statements, end);
    }

    /// <summary>A read-only look: it does not queue behind writers.</summary>
    public async Task<StorageTransaction> BeginReadAsync(CancellationToken cancellationToken)
    {
        var (connection, transaction) = await _engine.BeginReadAsync(cancellationToken);
        return new StorageTransaction(connection, transaction, _engine.Dialect, _time, Protector, isWrite: false);
    }

    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        var (connection, transaction) = await _engine.BeginMigrationAsync(cancellationToken);
        await using (connection)
        await using (transaction)
        {
            await using var read = Command(connection, transaction, "SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
            var current = Convert.ToInt32(await read.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
            foreach (var (version, sql) in _engine.Migrations.Where(m => m.Version > current))
            {
                await using var apply = Command(connection, transaction, sql);
                await apply.ExecuteNonQueryAsync(cancellationToken);
                await using var record = Command(connection, transaction, "INSERT INTO schema_migrations (version, applied_at) VALUES (@v, @at)",
                    ("@v", version), ("@at", _time.GetUtcNow().ToUnixTimeMilliseconds()));
                await record.ExecuteNonQueryAsync(cancellationToken);
                LogMigrationApplied(version);
            }

            await transaction.CommitAsync(cancellationToken);
        }
    }

    /// <summary>An online backup to another file while the bot runs (SQLite's backup API, a consistent copy).</summary>
    public Task BackupAsync(string targetPath, CancellationToken cancellationToken) => _engine.BackupAsync(targetPath, cancellationToken);

    /// <summary>After an erasure: on SQLite, moves everything from the write-ahead log into the file and empties the log.</summary>
    public Task CheckpointAsync(CancellationToken cancellationToken) => _engine.CheckpointAsync(cancellationToken);

    /// <summary>Closes pooled connections, at shutdown.</summary>
    public void ReleaseConnections() => _engine.ReleaseConnections();

    internal static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql, params ReadOnlySpan<(string Name, object? Value)> parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return WithParameters(command, parameters);
    }

    internal static DbCommand WithParameters(DbCommand command, params ReadOnlySpan<(string Name, object? Value)> parameters)
    {
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }

        return command;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A stored field could not be decrypted (key id {KeyId}: not configured, or the value is damaged); it reads as empty")]
    private partial void LogUnreadableField(string keyId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied database migration {Version}")]
    private partial void LogMigrationApplied(int version);

    public void Dispose() => _engine.Dispose();
}
