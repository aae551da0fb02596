using JumysBot.Privacy;
using JumysBot.Tests.FakeBotApi;
using Microsoft.Extensions.DependencyInjection;

namespace JumysBot.Tests.Privacy;

/// <summary>Data no longer needed goes away on its own; the clock is a fake one.</summary>
public sealed class RetentionTests
{
    [Fact]
    public async Task Closed_requests_are_anonymised_after_the_term_and_idle_conversations_are_cleared()
    {
        await using var api = await FakeBotApiServer.StartAsync();
        var clock = new ManualTimeProvider(new DateTimeOffset(2026, 11, 23, 5, 0, 0, TimeSpan.Zero));
        await using var bot = await BotUnderTest.StartAsync(api, configureServices: s => s.AddSingleton<TimeProvider>(clock), settings: new Dictionary<string, string?>
        {
            ["Consultants:0:ChatId"] = "-100960",
            ["Consultants:0:PointId"] = "career-balkhash",
        });
        var job = bot.Services.GetRequiredService<RetentionJob>();
        var done = new TelegramPerson(api, 18001, "ru", firstName: "Жанна");
        await LeadScript.RequestJobCoachAsync(done, place: "Балхаш");
        var open = new TelegramPerson(api, 18002, "ru", firstName: "Асель");
        await LeadScript.RequestJobCoachAsync(open, place: "Балхаш");
        var idle = new TelegramPerson(api, 18003, "ru");
        idle.Sends("/start");
        await idle.ReadsUntilAsync("Расскажите, кто вы");
        var consultants = new ConsultantChat(api, -100960, 960, "Гаухар");
        await consultants.ReceivesAsync(c => c.Text?.Contains("Заявка № 1001", StringComparison.Ordinal) == true, "the card");
        await consultants.ReceivesAsync(c => c.Text?.Contains("Заявка № 1002", StringComparison.Ordinal) == true, "the second card");
        foreach (var action in new[] { "take", "contacted", "done" })
        {
            consultants.Presses($"c:{action}:1001");
        }

        await api.WaitForCallAsync(_ => Database.Scalar(bot.DatabasePath, "SELECT status FROM leads WHERE id = 1001") is "Done", "the lead done");

        clock.Advance(TimeSpan.FromDays(179));
        await job.RunAsync(CancellationToken.None);
        Assert.Equal("+77021234567", Database.Scalar(bot.DatabasePath, "SELECT phone FROM leads WHERE id = 1001"));
        Assert.Null(Database.Scalar(bot.DatabasePath, "SELECT step FROM conversations WHERE chat_id = 18003"));

        clock.Advance(TimeSpan.FromDays(2));
        await job.RunAsync(CancellationToken.None);
        Assert.Null(Database.Scalar(bot.DatabasePath, "SELECT phone FROM leads WHERE id = 1001"));
        Assert.Equal(0L, Database.Scalar(bot.DatabasePath, "SELECT person_id FROM leads WHERE id = 1001"));
        // Nobody took 1002 in all that time: it is closed and anonymised too.
        Assert.Equal("Cancelled||0", Database.Scalar(bot.DatabasePath, "SELECT status || '|' || COALESCE(phone, '') || '|' || person_id FROM leads WHERE id = 1002"));
        Assert.Equal(2L, Database.Scalar(bot.DatabasePath, "SELECT COUNT(*) FROM leads"));
        Assert.Equal(0L, Database.Scalar(bot.DatabasePath, "SELECT COUNT(*) FROM inbox"));
        // The profiles of the silent keep no group, role, age or goal.
        Assert.Equal(0L, Database.Scalar(bot.DatabasePath, "SELECT COUNT(*) FROM people WHERE disability_group IS NOT NULL OR role IS NOT NULL"));
        // And the cards in Telegram say only that the data was removed.
        await api.WaitUntilAsync(
            () => consultants.Edits.Where(e => e.Text!.Contains("Данные человека удалены", StringComparison.Ordinal)).Select(e => e.Text![..14]).Distinct().Count() == 2,
            "both cards edited");
        Assert.All(
            consultants.Edits.Where(e => e.Text!.Contains("Данные человека удалены", StringComparison.Ordinal)),
            e => Assert.DoesNotContain("+7702", e.Text, StringComparison.Ordinal));
    }
}
