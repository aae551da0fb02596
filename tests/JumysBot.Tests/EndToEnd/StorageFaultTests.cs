using JumysBot.Tests.FakeBotApi;
using Microsoft.Data.Sqlite;

namespace JumysBot.Tests.EndToEnd;

/// <summary>The store fails for a while (locked by another process, disk full): people get one short apology, then their answer.</summary>
public sealed class StorageFaultTests
{
    [Fact]
    public async Task A_locked_database_gives_one_apology_keeps_the_updates_and_recovers_when_the_lock_clears()
    {
        await using var api = await FakeBotApiServer.StartAsync();
        await using var bot = await BotUnderTest.StartAsync(api, settings: new Dictionary<string, string?> { ["Storage:BusyTimeoutSeconds"] = "1" });
        var person = new TelegramPerson(api, 43001, "ru") { Patience = TimeSpan.FromSeconds(30) };
        person.Sends("/start");
        await person.ReadsUntilAsync("Расскажите, кто вы");

        // Another process (a backup tool, an administrator's sqlite3) takes the write lock and holds it.
        await using var intruder = new SqliteConnection($"Data Source={bot.DatabasePath};Pooling=False");
        await intruder.OpenAsync();
        await using (var lockIt = intruder.CreateCommand())
        {
            lockIt.CommandText = "BEGIN EXCLUSIVE";
            await lockIt.ExecuteNonQueryAsync();
        }

        person.Presses("Другое");
        await person.ReadsUntilAsync("временная техническая неполадка");
        person.Sends("/help");
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Single(person.Received, m => m.Text!.Contains("временная техническая неполадка", StringComparison.Ordinal));

        await using (var release = intruder.CreateCommand())
        {
            release.CommandText = "ROLLBACK";
            await release.ExecuteNonQueryAsync();
        }

        // Both updates are handled, in order, once the store answers again.
        Assert.Contains("Главное меню", (await person.ReadsUntilAsync("Спасибо.")).Text);
        await person.ReadsUntilAsync("Я понимаю кнопки");
        Assert.Equal(0L, Database.Scalar(bot.DatabasePath, "SELECT COUNT(*) FROM inbox WHERE handled_at IS NULL"));
    }

    [Fact]
    public async Task A_full_disk_gives_one_apology_keeps_the_updates_and_recovers_when_space_is_freed()
    {
        await using var disk = await SmallDisk.MountAsync(megabytes: 4);
        await using var api = await FakeBotApiServer.StartAsync();
        await using var bot = await BotUnderTest.StartAsync(api, databasePath: Path.Combine(disk.Folder, "bot.db"));
        var person = new TelegramPerson(api, 43002, "kk") { Patience = TimeSpan.FromSeconds(30) };
        person.Sends("/start");
        await person.ReadsUntilAsync("Өзіңіз туралы айтыңыз.");

        var freeSpace = disk.FillUp();
        person.Presses("Басқа");
        await person.ReadsUntilAsync("уақытша техникалық ақау");
        person.Sends("/help");
        await Task.Delay(TimeSpan.FromSeconds(3));
        // A full disk is not all-or-nothing: SQLite may reuse log space it already has, so a write can get through in
        // between and a later failure earns a new apology. Never more than one for each message, though.
        var apologies = person.Received.Count(m => m.Text!.Contains("уақытша техникалық ақау", StringComparison.Ordinal));
        Assert.True(apologies is >= 1 and <= 2, $"{apologies} apologies; the person read:\n" + string.Join("\n", person.Received.Select(m => $"[{m.At:HH:mm:ss.fff}] {m.Text}")));

        freeSpace();
        Assert.Contains("Басты мәзір", (await person.ReadsUntilAsync("Рахмет")).Text);
        Assert.Equal(0L, Database.Scalar(bot.DatabasePath, "SELECT COUNT(*) FROM inbox WHERE handled_at IS NULL"));
    }
}
