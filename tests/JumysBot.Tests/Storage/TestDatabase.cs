using JumysBot.Storage;
using JumysBot.Tests.FakeBotApi;
using JumysBot.Tests.Storage.Stores;

namespace JumysBot.Tests.Storage;

/// <summary>A fresh SQLite database, for tests that are about something other than the store.</summary>
internal static class TestDatabase
{
    public static Task<BotDatabase> CreateAsync(string? path = null, TimeProvider? time = null, int busyTimeoutSeconds = 5) =>
        TestStore.OpenAsync(new StorageOptions { Path = path ?? TempDatabase.NewPath(), BusyTimeoutSeconds = busyTimeoutSeconds }, time);
}
