using System.Data.Common;

namespace JumysBot.Storage;

/// <summary>What differs between the SQLite file and a PostgreSQL server: connections, transactions, migrations, upkeep.</summary>
internal interface IStoreEngine : IDisposable
{
    SqlDialect Dialect { get; }

    /// <summary>The schema versions for this engine, in order; the same numbers on both engines.</summary>
    IReadOnlyList<(int Version, string Sql)> Migrations { get; }

    Task<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>A write transaction. <c>End</c>, when given, runs instead of closing the connection when the transaction is
    /// disposed, told whether it committed; <c>Statements</c>, when given, keeps its statements prepared.</summary>
    Task<(DbConnection Connection, DbTransaction Transaction, StatementCache? Statements, Action<bool>? End)> BeginWriteAsync(CancellationToken cancellationToken);

    Task<(DbConnection Connection, DbTransaction Transaction)> BeginReadAsync(CancellationToken cancellationToken);

    /// <summary>A transaction that alone may migrate (other instances starting at the same time wait), with <c>schema_migrations</c> in place.</summary>
    Task<(DbConnection Connection, DbTransaction Transaction)> BeginMigrationAsync(CancellationToken cancellationToken);

    Task CheckpointAsync(CancellationToken cancellationToken);

    Task BackupAsync(string targetPath, CancellationToken cancellationToken);

    /// <summary>Closes pooled connections (at shutdown).</summary>
    void ReleaseConnections();
}
