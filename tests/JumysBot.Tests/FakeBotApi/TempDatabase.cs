namespace JumysBot.Tests.FakeBotApi;

/// <summary>A fresh SQLite file path under the system temp folder, one per test.</summary>
public static class TempDatabase
{
    public static string NewPath() =>
        Path.Combine(Path.GetTempPath(), "jumysbot-tests", Guid.NewGuid().ToString("N"), "bot.db");
}
