using JumysBot.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace JumysBot.Tests.Storage.Stores;

/// <summary>A store the storage tests run against (a class fixture): each call gives a fresh, empty database.</summary>
public abstract class TestStore : IAsyncLifetime
{
    public abstract StorageProvider Provider { get; }

    /// <summary>Where a fresh database is: a new SQLite file, or a new database on the PostgreSQL test server.</summary>
    public abstract Task<StorageOptions> NewLocationAsync();

    /// <summary>A fresh database at the latest schema.</summary>
    public async Task<BotDatabase> CreateAsync(TimeProvider? time = null) => await OpenAsync(await NewLocationAsync(), time);

    /// <summary>Opens (and migrates) the database at a location, as a bot starting there would.</summary>
    public static async Task<BotDatabase> OpenAsync(StorageOptions location, TimeProvider? time = null)
    {
        var database = new BotDatabase(Options.Create(location), time ?? TimeProvider.System, NullLogger<BotDatabase>.Instance);
        await database.MigrateAsync(CancellationToken.None);
        return database;
    }

    /// <summary>The configuration keys that point a bot at a location.</summary>
    public static Dictionary<string, string?> Settings(StorageOptions location)
    {
        ArgumentNullException.ThrowIfNull(location);
        return new()
        {
            ["Storage:Provider"] = location.Provider.ToString(),
            ["Storage:Path"] = location.Path,
            ["Storage:ConnectionString"] = location.ConnectionString,
        };
    }

    public virtual Task InitializeAsync() => Task.CompletedTask;

    public virtual Task DisposeAsync() => Task.CompletedTask;
}
