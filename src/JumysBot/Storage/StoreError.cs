using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

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

    /// <summary>
    /// The connection was gone before or while the statement ran: the server ended the session (a restart, a
    /// failover, a dropped database) or the network did. A pooled connection the server ended while it lay idle fails
    /// like this on its first use, so one immediate try on a fresh connection tells a stale pool from an outage.
    /// </summary>
    public static bool IsConnectionLost(DbException exception) => exception switch
    {
        PostgresException { SqlState: "57P01" or "57P02" or "57P03" } => true,
        PostgresException => false,
        NpgsqlException { InnerException: IOException or System.Net.Sockets.SocketException } => true,
        _ => false,
    };
}
