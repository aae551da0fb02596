using System.Globalization;
using JumysBot.Leads;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace JumysBot.Tests.Desk;

/// <summary>
/// Who may see what, over plain HTTP against the bot's own host: every page and action checks the signed
/// <c>initData</c> (401 without a good one) and the user's role (403 and none of the data for anybody else).
/// </summary>
public sealed class DeskAccessTests(DeskWorldFixture fixture) : IClassFixture<DeskWorldFixture>
{
    private readonly DeskWorld _world = fixture.World;

    private static string N(long number) => number.ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_consultant_of_the_point_sees_its_requests_with_the_overdue_one_marked_and_not_another_points()
    {
        var consultant = DeskWorld.InitDataFor(DeskWorld.Consultant);

        var (status, list) = await _world.GetAsync($"/desk/p/{DeskWorld.Point}", consultant);

        Assert.Equal(200, status);
        Assert.Contains($"/desk/leads/{N(_world.Lead)}\"", list, StringComparison.Ordinal);
        Assert.Contains($"/desk/leads/{N(_world.OverdueLead)}\"", list, StringComparison.Ordinal);
        Assert.DoesNotContain($"/desk/leads/{N(_world.OtherPointLead)}\"", list, StringComparison.Ordinal);
        var overdueOnly = (await _world.GetAsync($"/desk/p/{DeskWorld.Point}?overdue=1", consultant)).Body;
        Assert.Contains($"/desk/leads/{N(_world.OverdueLead)}\"", overdueOnly, StringComparison.Ordinal);
        Assert.DoesNotContain($"/desk/leads/{N(_world.Lead)}\"", overdueOnly, StringComparison.Ordinal);
        Assert.Contains("class=\"overdue\">Просрочена", overdueOnly, StringComparison.Ordinal);
        var byNumber = (await _world.GetAsync($"/desk/p/{DeskWorld.Point}?number={N(_world.Lead)}", consultant)).Body;
        Assert.Contains("Найдено заявок: 1.", byNumber, StringComparison.Ordinal);

        var (leadStatus, lead) = await _world.GetAsync($"/desk/leads/{N(_world.Lead)}", consultant);
        Assert.Equal(200, leadStatus);
        Assert.Contains("«Жанна»", lead, StringComparison.Ordinal);
        Assert.Contains("value=\"take\"", lead, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_points_consultant_is_refused_with_403_and_none_of_the_requests_data()
    {
        var other = DeskWorld.InitDataFor(DeskWorld.OtherConsultant, "Мадина");

        foreach (var path in new[] { $"/desk/p/{DeskWorld.Point}", $"/desk/leads/{N(_world.Lead)}", $"/desk/p/{DeskWorld.Point}/export", "/desk/leads/999999", "/desk/dashboard" })
        {
            var (status, body) = await _world.GetAsync(path, other);
            Assert.True(status == 403, $"{path}: {status}");
            Assert.DoesNotContain("Жанна", body, StringComparison.Ordinal);
            Assert.DoesNotContain("7021234567", body, StringComparison.Ordinal);
            Assert.DoesNotContain(N(_world.Lead), body, StringComparison.Ordinal);
        }

        var (postStatus, _, _) = await _world.PostAsync($"/desk/leads/{N(_world.Lead)}/status", other, ("action", "take"));
        Assert.Equal(403, postStatus);
        var (exportStatus, exported, _) = await _world.PostAsync($"/desk/p/{DeskWorld.Point}/export", other, ("from", "2020-01-01"), ("to", "2020-12-31"));
        Assert.Equal(403, exportStatus);
        Assert.DoesNotContain("Жанна", exported, StringComparison.Ordinal);
        Assert.Equal("New", _world.Scalar($"SELECT status FROM leads WHERE id = {N(_world.Lead)}"));

        // Their own point is theirs.
        var (ownStatus, own) = await _world.GetAsync($"/desk/leads/{N(_world.OtherPointLead)}", other);
        Assert.Equal(200, ownStatus);
        Assert.Contains("Сарань-Секрет", own, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_administrator_sees_every_point_and_the_dashboard()
    {
        var admin = DeskWorld.InitDataFor(DeskWorld.Admin, "Админ", "kk");

        var (homeStatus, home) = await _world.GetAsync("/desk", admin);
        Assert.Equal(200, homeStatus);
        Assert.Contains("lang=\"kk\"", home, StringComparison.Ordinal);
        Assert.Contains($"/desk/p/{DeskWorld.OtherPoint}\"", home, StringComparison.Ordinal);
        Assert.Equal(200, (await _world.GetAsync($"/desk/leads/{N(_world.OtherPointLead)}", admin)).Status);

        var (status, dashboard) = await _world.GetAsync("/desk/dashboard", admin);
        Assert.Equal(200, status);
        Assert.Equal(6, dashboard.Split("<svg ").Length - 1);
        Assert.Equal(6, dashboard.Split("<caption>").Length - 1);
        Assert.Contains("Облыс көрсеткіштері", dashboard, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stranger_with_good_init_data_is_refused_everywhere_with_403()
    {
        var stranger = DeskWorld.InitDataFor(DeskWorld.Stranger, "Кто-то");

        foreach (var path in new[] { "/desk", $"/desk/p/{DeskWorld.Point}", $"/desk/leads/{N(_world.Lead)}", "/desk/dashboard" })
        {
            var (status, body) = await _world.GetAsync(path, stranger);
            Assert.True(status == 403, $"{path}: {status}");
            Assert.Contains("Нет доступа", body, StringComparison.Ordinal);
            Assert.DoesNotContain(N(_world.Lead), body, StringComparison.Ordinal);
        }

        Assert.Equal(403, (await _world.PostAsync($"/desk/leads/{N(_world.Lead)}/notes", stranger, ("text", "hello"))).Status);
    }

    [Fact]
    public async Task Forged_stale_or_missing_init_data_gets_401_and_a_plain_visit_only_the_empty_shell()
    {
        var forged = DeskWorld.InitDataFor(DeskWorld.Stranger).Replace($"%22id%22%3A{DeskWorld.Stranger}", $"%22id%22%3A{DeskWorld.Admin}", StringComparison.Ordinal);
        var stale = DeskWorld.InitDataFor(DeskWorld.Admin, age: TimeSpan.FromDays(2));
        var otherBot = DeskWorld.InitDataFor(DeskWorld.Admin, token: "999:OTHER-BOT");

        foreach (var initData in new[] { forged, stale, otherBot, "garbage" })
        {
            var (status, body) = await _world.GetAsync($"/desk/leads/{N(_world.Lead)}", initData);
            Assert.Equal(401, status);
            Assert.DoesNotContain("Жанна", body, StringComparison.Ordinal);
        }

        Assert.Equal(401, (await _world.PostAsync($"/desk/leads/{N(_world.Lead)}/status", initData: null, ("action", "take"))).Status);
        var (shellStatus, shell) = await _world.GetAsync($"/desk/leads/{N(_world.Lead)}", initData: null);
        Assert.Equal(200, shellStatus);
        Assert.Contains("/desk/assets/desk.js", shell, StringComparison.Ordinal);
        Assert.DoesNotContain(N(_world.Lead), shell, StringComparison.Ordinal);
        Assert.Equal("New", _world.Scalar($"SELECT status FROM leads WHERE id = {N(_world.Lead)}"));
    }

    [Fact]
    public async Task The_export_is_the_same_csv_as_export_with_formulas_neutralised_and_is_audited_without_personal_data()
    {
        var consultant = DeskWorld.InitDataFor(DeskWorld.Consultant);
        // The desk reads the dates in the bots' time zone: from 19:00 UTC it is already tomorrow in Kazakhstan.
        var zone = TimeZoneInfo.FindSystemTimeZoneById(_world.Bot.Services.GetRequiredService<IOptions<LeadOptions>>().Value.TimeZone);
        var now = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, zone);
        var today = now.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var monthAgo = now.AddDays(-30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        var (status, csv, type) = await _world.PostAsync($"/desk/p/{DeskWorld.Point}/export", consultant, ("from", monthAgo), ("to", today));

        Assert.Equal(200, status);
        Assert.Equal("text/csv", type?.MediaType);
        Assert.StartsWith("\uFEFF\"Номер\";", csv, StringComparison.Ordinal);
        Assert.Contains($"\"{N(_world.Lead)}\";", csv, StringComparison.Ordinal);
        Assert.Contains($"\"{N(_world.OverdueLead)}\";", csv, StringComparison.Ordinal);
        Assert.Contains("\"'=HYPERLINK(\"\"http://x\"\") нужен наставник\"", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("Сарань-Секрет", csv, StringComparison.Ordinal);
        Assert.Equal(400, (await _world.PostAsync($"/desk/p/{DeskWorld.Point}/export", consultant, ("from", today), ("to", monthAgo))).Status);

        var audit = (string)_world.Scalar($"SELECT group_concat(actor || ' ' || action || ' ' || COALESCE(point_id, ''), '\n') FROM audit_log WHERE action LIKE 'desk export%'")!;
        Assert.Contains($"{DeskWorld.Consultant} desk export {monthAgo}..{today} {DeskWorld.Point}", audit, StringComparison.Ordinal);
        var everything = (string)_world.Scalar("SELECT group_concat(action, '\n') FROM audit_log")!;
        Assert.DoesNotContain("Жанна", everything, StringComparison.Ordinal);
        Assert.DoesNotContain("HYPERLINK", everything, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_note_is_kept_for_colleagues_and_the_person_gets_nothing()
    {
        var consultant = DeskWorld.InitDataFor(DeskWorld.Consultant, "Ерлан");
        var sentToPerson = _world.Person.Received.Count;

        var (status, page, _) = await _world.PostAsync($"/desk/leads/{N(_world.Lead)}/notes", consultant, ("text", "Перезвонить <после обеда>"));

        Assert.Equal(200, status);
        Assert.Contains("Перезвонить &lt;после обеда&gt;", page, StringComparison.Ordinal);
        Assert.Contains("Заметка сохранена.", page, StringComparison.Ordinal);
        var colleague = (await _world.GetAsync($"/desk/leads/{N(_world.Lead)}", consultant)).Body;
        Assert.Contains("Перезвонить &lt;после обеда&gt;", colleague, StringComparison.Ordinal);
        Assert.Equal(sentToPerson, _world.Person.Received.Count);
    }

    [Fact]
    public async Task Each_consultants_chat_gets_the_desks_button_once_and_a_visitor_gets_the_menu_button()
    {
        var invitation = await _world.Api.WaitForCallAsync(
            c => c.ChatId == DeskWorld.BalkhashChat && c.Method == "sendMessage" && c.Text?.Contains("Рабочий стол консультанта", StringComparison.Ordinal) == true, "the desk's button");
        Assert.Equal("https://t.me/jumys_test_bot?startapp=desk", invitation.Body["reply_markup"]?["inline_keyboard"]?[0]?[0]?["url"]?.GetValue<string>());
        await _world.Api.WaitForCallAsync(c => c.ChatId == DeskWorld.SaranChat && c.Method == "sendMessage" && c.Text?.Contains("Рабочий стол", StringComparison.Ordinal) == true, "Saran's");

        await _world.GetAsync($"/desk/p/{DeskWorld.Point}", DeskWorld.InitDataFor(DeskWorld.Consultant));

        var menu = await _world.Api.WaitForCallAsync(c => c.Method == "setChatMenuButton" && c.ChatId == DeskWorld.Consultant, "the menu button");
        Assert.Equal("https://jumysbot.example.kz/desk/", menu.Body["menu_button"]?["web_app"]?["url"]?.GetValue<string>());
        Assert.Single(_world.Api.CallsTo(DeskWorld.BalkhashChat), c => c.Text?.Contains("Рабочий стол консультанта", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task Notes_go_when_the_person_is_forgotten()
    {
        var consultant = DeskWorld.InitDataFor(DeskWorld.Consultant, "Ерлан");
        var number = N(_world.OverdueLead);
        await _world.PostAsync($"/desk/leads/{number}/notes", consultant, ("text", "Асель просила звонить после пяти"));
        Assert.Equal(1L, _world.Scalar($"SELECT COUNT(*) FROM desk_notes WHERE lead_id = {number}"));

        FakeBotApi.Database.Execute(_world.Bot.DatabasePath, $"UPDATE leads SET person_id = 0, name = NULL, phone = NULL WHERE id = {number}");
        var page = (await _world.GetAsync($"/desk/leads/{number}", consultant)).Body;
        var erased = await _world.Bot.Services.GetRequiredService<JumysBot.Desk.DeskNoteEraser>().RunAsync(CancellationToken.None);

        Assert.DoesNotContain("после пяти", page, StringComparison.Ordinal);
        Assert.Equal(1, erased);
        Assert.Equal(0L, _world.Scalar($"SELECT COUNT(*) FROM desk_notes WHERE lead_id = {number}"));
    }
}
