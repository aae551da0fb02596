using JumysBot.Storage;
using JumysBot.Tests.FakeBotApi;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace JumysBot.Tests.Storage;

internal static class TestDatabase
{
    public static async Task<BotDatabase> CreateAsync(string? path = null, TimeProvider? time = null, int busyTimeoutSeconds = 5)
    {
        var database = new BotDatabase(
            Options.Create(new StorageOptions { Path = path ?? TempDatabase.NewPath(), BusyTimeoutSeconds = busyTimeoutSeconds }),
            time ?? TimeProvider.System,
            NullLogger<BotDatabase>.Instance);
        await database.MigrateAsync(CancellationToken.None);
        return database;
    }
}
