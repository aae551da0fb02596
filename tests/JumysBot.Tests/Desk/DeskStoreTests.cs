using JumysBot.Catalog;
using JumysBot.Content;
using JumysBot.Desk;
using JumysBot.Leads;
using JumysBot.Storage;
using JumysBot.Tests.Localization;
using JumysBot.Tests.Storage.Stores;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace JumysBot.Tests.Desk;

/// <summary>The desk's own SQL (migration 10, lists, notes, the dashboard's figures) on both stores.</summary>
public abstract class DeskStoreTests(TestStore store)
{
    private static readonly CancellationToken _none = CancellationToken.None;

    [StoreFact]
    public async Task A_points_list_filters_by_status_kind_place_and_number_and_leaves_other_points_out()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 11, 2, 6, 0, 0, TimeSpan.Zero));
        using var database = await store.CreateAsync(time);
        long grant, job;
        await using (var tx = await database.BeginAsync(_none))
        {
            grant = await tx.Leads.AddAsync(Lead("career-balkhash", "balkhash", LeadKind.Grant), "person", _none);
            job = await tx.Leads.AddAsync(Lead("career-balkhash", "priozersk", LeadKind.Job), "person", _none);
            await tx.Leads.AddAsync(Lead("career-saran", "saran", LeadKind.Grant), "person", _none);
            await tx.CommitAsync(_none);
        }

        time.Advance(TimeSpan.FromMinutes(20));
        await using (var tx = await database.BeginAsync(_none))
        {
            await tx.Leads.ChangeStatusAsync(job, LeadStatus.Contacted, "Ерлан", _none);
            await tx.CommitAsync(_none);
        }

        await using var read = await database.BeginReadAsync(_none);
        Assert.Equal([job, grant], (await DeskStore.ListAsync(read, "career-balkhash", new DeskFilter(null, null, null, false, null), _none)).Select(r => r.Number));
        Assert.Equal([grant], (await DeskStore.ListAsync(read, "career-balkhash", new DeskFilter(LeadStatus.New, null, null, false, null), _none)).Select(r => r.Number));
        Assert.Equal([job], (await DeskStore.ListAsync(read, "career-balkhash", new DeskFilter(null, LeadKind.Job, null, false, null), _none)).Select(r => r.Number));
        Assert.Equal([grant], (await DeskStore.ListAsync(read, "career-balkhash", new DeskFilter(null, null, "balkhash", false, null), _none)).Select(r => r.Number));
        Assert.Equal([job], (await DeskStore.ListAsync(read, "career-balkhash", new DeskFilter(null, null, null, false, job), _none)).Select(r => r.Number));
        var contacted = Assert.Single(await DeskStore.ListAsync(read, "career-balkhash", new DeskFilter(LeadStatus.Contacted, null, null, false, null), _none));
        Assert.NotNull(contacted.FirstContactAt);
        Assert.Equal([LeadStatus.New, LeadStatus.Contacted], (await DeskStore.HistoryAsync(read, job, _none)).Select(h => h.Status));
    }

    [StoreFact]
    public async Task Notes_invitations_and_menu_buttons_are_kept_once_and_notes_go_with_the_person()
    {
        using var database = await store.CreateAsync();
        await using var tx = await database.BeginAsync(_none);
        var number = await tx.Leads.AddAsync(Lead("career-balkhash", "balkhash", LeadKind.Grant), "person", _none);
        await DeskStore.AddNoteAsync(tx, number, new DeskUser(3001, "Ерлан", "ru"), "Звонить после пяти", _none);
        Assert.Equal("Звонить после пяти", Assert.Single(await DeskStore.NotesAsync(tx, number, _none)).Text);

        Assert.True(await DeskStore.ClaimInvitationAsync(tx, -100, "https://a.example/desk/", _none));
        Assert.False(await DeskStore.ClaimInvitationAsync(tx, -100, "https://a.example/desk/", _none));
        Assert.True(await DeskStore.ClaimInvitationAsync(tx, -100, "https://b.example/desk/", _none));
        Assert.True(await DeskStore.RememberMenuButtonAsync(tx, 3001, _none));
        Assert.False(await DeskStore.RememberMenuButtonAsync(tx, 3001, _none));
        Assert.True(await DeskStore.ForgetMenuButtonAsync(tx, 3001, _none));
        Assert.False(await DeskStore.ForgetMenuButtonAsync(tx, 3001, _none));

        Assert.Equal(0, await DeskStore.ForgetNotesOfAnonymisedAsync(tx, _none));
        await tx.Leads.AnonymiseForPersonAsync(4001, _none);
        Assert.Empty(await DeskStore.NotesAsync(tx, number, _none));
        Assert.Equal(1, await DeskStore.ForgetNotesOfAnonymisedAsync(tx, _none));
    }

    [StoreFact]
    public async Task The_dashboard_counts_the_weeks_requests_on_this_store()
    {
        using var database = await store.CreateAsync();
        await using (var write = await database.BeginAsync(_none))
        {
            var number = await write.Leads.AddAsync(Lead("career-balkhash", "balkhash", LeadKind.Grant) with { Source = "p-career-balkhash" }, "person", _none);
            await write.Leads.ChangeStatusAsync(number, LeadStatus.InProgress, "Ерлан", _none);
            await write.Leads.AddAsync(Lead("career-saran", "saran", LeadKind.Job), "person", _none);
            await write.CommitAsync(_none);
        }

        var content = BotContent.Load(ContentFolder.Path);
        var http = new DefaultHttpContext { RequestServices = new ServiceCollection().AddLogging().BuildServiceProvider() };
        http.Request.QueryString = new QueryString("?point=career-balkhash");
        http.Response.Body = new MemoryStream();
        await using var tx = await database.BeginAsync(_none);
        var desk = new DeskContext(http, new DeskViewer(new DeskUser(3003, "Админ", "ru"), IsAdmin: true, []), tx, content, DateTimeOffset.UtcNow);

        var result = await new DeskDashboard(Options.Create(new LeadOptions()), Options.Create(new DeskOptions())).PageAsync(desk, _none);
        await result.ExecuteAsync(http);

        var page = System.Text.Encoding.UTF8.GetString(((MemoryStream)http.Response.Body).ToArray());
        Assert.Contains("<tr><th scope=\"row\">Грант на своё дело</th><td>1</td></tr>", page, StringComparison.Ordinal);
        Assert.Contains("<tr><th scope=\"row\">Работа</th><td>0</td></tr>", page, StringComparison.Ordinal);
        Assert.Contains("<tr><th scope=\"row\">Взяты в работу</th><td>1</td></tr>", page, StringComparison.Ordinal);
        Assert.Contains("<tr><th scope=\"row\">Плакат пункта</th><td>1</td></tr>", page, StringComparison.Ordinal);
        Assert.Contains("<tr><th scope=\"row\">Ещё не связались</th><td>1</td></tr>", page, StringComparison.Ordinal);
    }

    private static Lead Lead(string point, string place, LeadKind kind) => new()
    {
        PersonId = 4001,
        PointId = point,
        Language = "ru",
        Draft = new LeadDraft { Kind = kind, PlaceId = place, Name = "Жанна", Phone = "+77021234567", ContactMethod = ContactMethod.Call },
    };
}

public sealed class DeskStoreOnSqliteTests(SqliteTestStore store) : DeskStoreTests(store), IClassFixture<SqliteTestStore>;

public sealed class DeskStoreOnPostgresTests(PostgresTestStore store) : DeskStoreTests(store), IClassFixture<PostgresTestStore>;
