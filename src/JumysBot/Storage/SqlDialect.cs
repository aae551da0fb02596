namespace JumysBot.Storage;

/// <summary>
/// The few fragments in which SQLite and PostgreSQL differ; everything else is one SQL for both
/// (<c>ON CONFLICT</c>, <c>RETURNING</c>, <c>FILTER (WHERE …)</c>, partial indexes, unix milliseconds as BIGINT).
/// </summary>
internal sealed class SqlDialect
{
    public static SqlDialect Sqlite { get; } = new() { Provider = StorageProvider.Sqlite, ForUpdate = "" };

    public static SqlDialect Postgres { get; } = new() { Provider = StorageProvider.Postgres, ForUpdate = " FOR UPDATE" };

    public required StorageProvider Provider { get; init; }

    /// <summary>
    /// Appended to a read that a write depends on. SQLite has one writer at a time, so nothing is needed there;
    /// PostgreSQL writers run side by side and lock the rows they are about to change.
    /// </summary>
    public required string ForUpdate { get; init; }
}
