using System.Globalization;
using Npgsql;

namespace JumysBot.Benchmarks;

/// <summary>
/// What the PostgreSQL server spent, when it runs on this machine: processor time of the postmaster and its children
/// (from <c>/proc</c>, the exited ones included through the postmaster's reaped-children times), and the statements it
/// ran (from <c>pg_stat_statements</c>, when the server loads it).
/// </summary>
internal sealed class PostgresServer(string connectionString)
{
    public async Task<int?> PostmasterPidAsync()
    {
        try
        {
            var dataDirectory = (string?)await ScalarAsync("SELECT setting FROM pg_settings WHERE name = 'data_directory'");
            var pidFile = Path.Combine(dataDirectory!, "postmaster.pid");
            return File.Exists(pidFile) ? int.Parse(File.ReadLines(pidFile).First(), CultureInfo.InvariantCulture) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NpgsqlException)
        {
            return null;
        }
    }

    /// <summary>User + system time of the server's processes so far, or null when it is not on this machine.</summary>
    public static TimeSpan? ProcessorTime(int? postmaster)
    {
        if (postmaster is not { } pid || !File.Exists($"/proc/{pid}/stat"))
        {
            return null;
        }

        double ticks = 0;
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            try
            {
                var stat = File.ReadAllText(Path.Combine(folder, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                var (parent, self) = (int.Parse(fields[1], CultureInfo.InvariantCulture), int.Parse(Path.GetFileName(folder), CultureInfo.InvariantCulture));
                if (self == pid)
                {
                    ticks += Enumerable.Range(11, 4).Sum(i => long.Parse(fields[i], CultureInfo.InvariantCulture));
                }
                else if (parent == pid)
                {
                    ticks += long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
                }
            }
            catch (Exception e) when (e is IOException or FormatException or UnauthorizedAccessException)
            {
                // Not a process, or it ended meanwhile.
            }
        }

        return TimeSpan.FromSeconds(ticks / 100);
    }

    /// <summary>Statements the server ran so far in <paramref name="database"/> (BEGIN, COMMIT and SAVEPOINTs counted), or null without pg_stat_statements.</summary>
    public async Task<long?> StatementsAsync(string database)
    {
        try
        {
            return Convert.ToInt64(await ScalarAsync(
                $"SELECT COALESCE(SUM(calls), 0) FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid WHERE d.datname = '{database}'"), CultureInfo.InvariantCulture);
        }
        catch (PostgresException)
        {
            return null;
        }
    }

    /// <summary>Starts pg_stat_statements' counts afresh (after a warm-up), when the server loads it.</summary>
    public async Task ResetStatementsAsync()
    {
        try
        {
            await ScalarAsync("SELECT pg_stat_statements_reset()");
        }
        catch (PostgresException)
        {
            // Not loaded: the statement figures say so.
        }
    }

    /// <summary>The statements that ran most often in <paramref name="database"/>, for the notes.</summary>
    public async Task<IReadOnlyList<(long Calls, string Query)>> TopStatementsAsync(string database, int count)
    {
        var top = new List<(long, string)>();
        try
        {
            await using var connection = Open();
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(
                $"SELECT calls, query FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid WHERE d.datname = '{database}' ORDER BY calls DESC LIMIT {count}", connection);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                top.Add((reader.GetInt64(0), reader.GetString(1)));
            }
        }
        catch (PostgresException)
        {
            // No pg_stat_statements on this server.
        }

        return top;
    }

    private NpgsqlConnection Open() =>
        new(new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", Pooling = false }.ConnectionString);

    private async Task<object?> ScalarAsync(string sql)
    {
        await using var connection = Open();
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }
}
