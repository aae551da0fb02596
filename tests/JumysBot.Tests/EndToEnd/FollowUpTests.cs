using JumysBot.Leads.FollowUp;
using JumysBot.Leads;
using JumysBot.Tests.FakeBotApi;
using Microsoft.Extensions.DependencyInjection;

namespace JumysBot.Tests.EndToEnd;

/// <summary>An untaken request reminds its point, then escalates to the administrators; the clock is a fake one.</summary>
public sealed class FollowUpTests
{
    [Fact]
    public async Task An_untaken_lead_reminds_the_point_after_working_hours_and_then_escalates()
    {
        await using var api = await FakeBotApiServer.StartAsync();
        // Monday 23 November 2026, 10:00 in Almaty (UTC+5).
        var clock = new ManualTimeProvider(new DateTimeOffset(2026, 11, 23, 5, 0, 0, TimeSpan.Zero));
        await using var bot = await BotUnderTest.StartAsync(api, configureServices: s => s.AddSingleton<TimeProvider>(clock), settings: new Dictionary<string, string?>
        {
            ["Consultants:0:ChatId"] = "-100500",
            ["Consultants:0:PointId"] = "career-balkhash",
            ["Bot:AdminIds:0"] = "777",
        });
        var followUp = bot.Services.GetRequiredService<LeadFollowUp>();
        var person = new TelegramPerson(api, 14001, "ru", firstName: "Жанна");
        await LeadScript.RequestJobCoachAsync(person, place: "Балхаш");
        var point = new ConsultantChat(api, -100500, 500, "Ерлан");
        var admin = new ConsultantChat(api, 777, 777, "Админ");
        await point.ReceivesAsync(c => c.Text?.Contains("Заявка № 1001", StringComparison.Ordinal) == true, "the card");

        clock.Advance(TimeSpan.FromHours(3));
        Assert.Equal(0, await followUp.RunAsync(CancellationToken.None));

        // 14:00 on Monday is four working hours.
        clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(1, await followUp.RunAsync(CancellationToken.None));
        await point.ReceivesAsync(c => c.Text == "Заявку № 1001 ещё никто не взял в работу.", "the reminder");
        Assert.Equal(0, await followUp.RunAsync(CancellationToken.None));

        // 16:00 is six working hours; by 18:00 the working day is over and eight have passed.
        clock.Advance(TimeSpan.FromHours(2));
        Assert.Equal(0, await followUp.RunAsync(CancellationToken.None));
        clock.Advance(TimeSpan.FromHours(10));
        Assert.Equal(1, await followUp.RunAsync(CancellationToken.None));
        await admin.ReceivesAsync(c => c.Text?.Contains("Заявку № 1001 пункта «Карьерный центр Балхаша» не взяли", StringComparison.Ordinal) == true, "the escalation");
        await admin.ReceivesAsync(c => c.Text?.StartsWith("Заявка № 1001.", StringComparison.Ordinal) == true, "the card for the administrators");
    }

    [Fact]
    public void Working_hours_count_only_weekdays_from_nine_to_six_in_almaty()
    {
        var almaty = TimeZoneInfo.FindSystemTimeZoneById("Asia/Almaty");
        var fridayFive = new DateTimeOffset(2026, 11, 27, 17, 0, 0, TimeSpan.FromHours(5));
        var mondayTen = new DateTimeOffset(2026, 11, 30, 10, 0, 0, TimeSpan.FromHours(5));

        Assert.Equal(TimeSpan.FromHours(2), WorkingHours.Between(fridayFive, mondayTen, almaty));
        Assert.Equal(TimeSpan.Zero, WorkingHours.Between(mondayTen, fridayFive, almaty));
    }
}
