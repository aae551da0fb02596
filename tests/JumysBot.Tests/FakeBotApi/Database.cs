using Microsoft.Data.Sqlite;

namespace JumysBot.Tests.FakeBotApi;

/// <summary>Reads the bot's SQLite file directly, as an auditor would, to check what was really stored.</summary>
public static class Database
{
    /// <summary>Writes straight into the file, as a seed script would (the bot may be running: WAL lets both in).</summary>
    public static void Execute(string path, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False;Default Timeout=30");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public static object? Scalar(string path, string sql, params (string Name, object Value)[] parameters)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        var result = command.ExecuteScalar();
        return result is DBNull ? null : result;
    }
}
