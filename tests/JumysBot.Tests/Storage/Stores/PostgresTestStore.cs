using System.Collections.Concurrent;
using JumysBot.Storage;

namespace JumysBot.Tests.Storage.Stores;

/// <summary>A new database on the PostgreSQL test server for each call; all of them are dropped when the test class ends.</summary>
public sealed class PostgresTestStore : TestStore
{
    private readonly ConcurrentBag<string> _databases = [];

    public override StorageProvider Provider => StorageProvider.Postgres;

    public override async Task<StorageOptions> NewLocationAsync()
    {
        var (name, connectionString) = await PostgresTestServer.CreateDatabaseAsync(CancellationToken.None);
        _databases.Add(name);
        return new StorageOptions { Provider = StorageProvider.Postgres, ConnectionString = connectionString };
    }

    public override Task InitializeAsync()
    {
        // In CI a missing server is a failure with this message, never a silent skip.
        if (PostgresTestServer.SkipReason is null)
        {
            PostgresTestServer.Require();
        }
        return Task.CompletedTask;
    }

    public override async Task DisposeAsync()
    {
        foreach (var name in _databases)
        {
            await PostgresTestServer.DropDatabaseAsync(name, CancellationToken.None);
        }
    }
}
