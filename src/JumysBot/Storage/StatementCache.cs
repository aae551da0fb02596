using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace JumysBot.Storage;

/// <summary>
/// The SQLite writer connection's statements, kept prepared from one transaction to the next, so that SQLite parses
/// and plans each statement once rather than at every use. Only the write transaction holding the writer's turn uses it.
/// </summary>
internal sealed class StatementCache(SqliteConnection connection) : IDisposable
{
    // Every statement the bot writes with is fixed text; the bound only guards against a future one built from data.
    private const int Capacity = 256;
    private readonly Dictionary<string, KeptCommand> _commands = new(StringComparer.Ordinal);

    /// <summary>The kept command for <paramref name="sql"/> in <paramref name="transaction"/>, without parameters; null when full.</summary>
    public DbCommand? Take(string sql, DbTransaction transaction)
    {
        if (!_commands.TryGetValue(sql, out var command))
        {
            if (_commands.Count >= Capacity)
            {
                return null;
            }

            command = new KeptCommand(sql, connection);
            _commands.Add(sql, command);
        }

        command.Transaction = (SqliteTransaction)transaction;
        command.Parameters.Clear();
        return command;
    }

    public void Dispose()
    {
        foreach (var command in _commands.Values)
        {
            command.Retire();
        }

        _commands.Clear();
    }

    /// <summary>A command whose users may dispose it as usual: it stays prepared until the cache retires it.</summary>
    private sealed class KeptCommand(string sql, SqliteConnection connection) : SqliteCommand(sql, connection)
    {
        private bool _retired;

        public void Retire()
        {
            _retired = true;
            Dispose();
        }

        protected override void Dispose(bool disposing)
        {
            if (_retired || !disposing)
            {
                base.Dispose(disposing);
            }
        }
    }
}
