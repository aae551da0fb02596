using Npgsql;

namespace JumysBot.Tests.Storage.Stores;

/// <summary>
/// The PostgreSQL server the tests use, named by <c>JUMYSBOT_TEST_POSTGRES</c> (<c>bash test.sh</c> starts a throwaway
/// one and sets it). Without it the PostgreSQL tests fail when <c>CI</c> is set, and are skipped, visibly, otherwise.
/// </summary>
public static class PostgresTestServer
{
    public const string Variable = "JUMYSBOT_TEST_POSTGRES";

    public static string? ConnectionString =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;

    public static bool InCi => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"));

    /// <summary>Why the PostgreSQL tests are skipped here, or null when they run (always in CI).</summary>
    public static string? SkipReason => ConnectionString is null && !InCi
        ? $"No PostgreSQL test server: set {Variable} (for example Host=127.0.0.1;Port=5433;Username=postgres), or run `bash test.sh`, which starts one."
        : null;

    public static string Require() => ConnectionString ?? throw new InvalidOperationException(
        $"CI is set but {Variable} is not: the PostgreSQL tests must run in CI. `bash test.sh` starts a throwaway server and sets it.");

    /// <summary>Creates an empty database and returns its name and a connection string to it.</summary>
    public static async Task<(string Name, string ConnectionString)> CreateDatabaseAsync(CancellationToken cancellationToken)
    {
        var name = $"jumysbot_test_{Guid.NewGuid():N}";
        await ExecuteAsync($"CREATE DATABASE {name} TEMPLATE template0 ENCODING 'UTF8'", cancellationToken);
        return (name, new NpgsqlConnectionStringBuilder(Require()) { Database = name }.ConnectionString);
    }

    public static Task DropDatabaseAsync(string name, CancellationToken cancellationToken) =>
        ExecuteAsync($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", cancellationToken);

    private static async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Require()) { Database = "postgres", Pooling = false }.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
