using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace JumysBot.Storage;

/// <summary>Names a failure of either store for the log: SQLite's error code or PostgreSQL's SQLSTATE.</summary>
public static class StoreError
{
    public static string CodeOf(DbException exception) => exception switch
    {
        SqliteException sqlite => $"SQLite {sqlite.SqliteErrorCode}",
        { SqlState: { } state } => $"PostgreSQL {state}",
        _ => exception?.GetType().Name ?? "",
    };
}
