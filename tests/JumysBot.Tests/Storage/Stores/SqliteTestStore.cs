using JumysBot.Storage;
using JumysBot.Tests.FakeBotApi;

namespace JumysBot.Tests.Storage.Stores;

/// <summary>A new SQLite file for each database.</summary>
public sealed class SqliteTestStore : TestStore
{
    public override StorageProvider Provider => StorageProvider.Sqlite;

    public override Task<StorageOptions> NewLocationAsync() => Task.FromResult(new StorageOptions { Path = TempDatabase.NewPath() });
}
