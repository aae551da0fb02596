using System.Diagnostics;
using Npgsql;

namespace JumysBot.Tests.Fleet;

/// <summary>
/// PostgreSQL's own command-line tools (pg_dump, pg_restore), found as <c>test.sh</c> finds initdb: the newest
/// <c>/usr/lib/postgresql/*/bin</c>, else the PATH.
/// </summary>
internal static class PostgresTools
{
    private static string Find(string tool)
    {
        var folders = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").OrderBy(d => Version.TryParse(Path.GetFileName(d), out var v) ? v : new Version(0, 0)).Select(d => Path.Combine(d, "bin"))
            : [];
        return folders.Select(f => Path.Combine(f, tool)).LastOrDefault(File.Exists) ?? tool;
    }

    /// <summary>Runs a tool against the database a connection string names; fails with its error output.</summary>
    public static async Task RunAsync(string tool, string connectionString, params string[] arguments)
    {
        var connection = new NpgsqlConnectionStringBuilder(connectionString);
        var start = new ProcessStartInfo(Find(tool))
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // libpq reads these, so no password appears on a command line.
        start.Environment["PGHOST"] = connection.Host;
        start.Environment["PGPORT"] = connection.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["PGUSER"] = connection.Username;
        start.Environment["PGDATABASE"] = connection.Database;
        if (!string.IsNullOrEmpty(connection.Password))
        {
            start.Environment["PGPASSWORD"] = connection.Password;
        }

        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{tool} {string.Join(' ', arguments)} exited with {process.ExitCode}: {await errors}{await output}");
        }
    }
}
