using JumysBot.Content;
using JumysBot.Catalog;
using JumysBot.Conversations;
using JumysBot.Hosting;
using JumysBot.Leads.Reports;
using JumysBot.Leads;
using JumysBot.Localization;
using JumysBot.Outreach;
using JumysBot.Tests.Storage.Stores;
using JumysBot.Updates;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace JumysBot.Tests.Storage;

/// <summary>Every repository's reads and writes, on each store: the same code must give the same answers on both.</summary>
public abstract class RepositoryTests(TestStore store)
{
    private static readonly CancellationToken _none = CancellationToken.None;

    [StoreFact]
    public async Task A_person_with_every_field_round_trips_and_can_be_marked_inactive_and_deleted()
    {
        var database = await store.CreateAsync();
        var person = new Person(42)
        {
            Language = Language.Kazakh, Role = PersonRole.PersonWithDisability, DisabilityGroup = DisabilityGroup.Second,
            AgeBand = AgeBand.From35To49, Goal = Goal.Job, ConsentVersion = 3, ConsentAt = 1_700_000_000_000, Source = "p-career-karaganda",
            Campaign = "poster",
        }.WithPart(new Subscription([AnnouncementTopic.Training, AnnouncementTopic.Jobs], "temirtau"));
        await using (var tx = await database.BeginAsync(_none))
        {
            await tx.People.SaveAsync(person, _none);
            await tx.People.SaveAsync(new Person(43).WithPart(new Subscription([AnnouncementTopic.Grants], null)), _none);
            await tx.CommitAsync(_none);
        }

        await using (var tx = await database.BeginAsync(_none))
        {
            Assert.Equal(person, await tx.People.FindAsync(42, _none), PersonComparer.Instance);
            Assert.Equal([42L, 43L], (await tx.People.SubscribersAsync(_none)).Select(s => s.Id));
            await tx.People.MarkInactiveAsync(43, _none);
            Assert.Equal([42L], (await tx.People.SubscribersAsync(_none)).Select(s => s.Id));
            Assert.False((await tx.People.FindAsync(43, _none))!.IsActive);
            await tx.People.DeleteAsync(42, _none);
            Assert.Null(await tx.People.FindAsync(42, _none));
            await tx.CommitAsync(_none);
        }
    }

    [StoreFact]
    public async Task Conversations_keep_their_screen_and_idle_ones_are_cleared()
    {
        var time = new ManualTimeProvider();
        var database = await store.CreateAsync(time);
        var state = new ConversationState("lead.phone", """{"name":"Айгүл"}""") { Prompt = "Телефон?", Choices = [new Choice("x", "Назад")] };
        await using (var tx = await database.BeginAsync(_none))
        {
            await tx.Conversations.SaveAsync(1, state, _none);
            await tx.Conversations.SaveAsync(2, new ConversationState(Steps.Menu, null), _none);
            await tx.CommitAsync(_none);
        }

        time.Advance(TimeSpan.FromDays(1));
        await using var later = await database.BeginAsync(_none);
        var found = await later.Conversations.FindAsync(1, _none);
        Assert.Equal(state.Step, found!.Step);
        Assert.Equal(state.Data, found.Data);
        Assert.Equal(state.Prompt, found.Prompt);
        Assert.Equal(state.Choices, found.Choices);
        await later.Conversations.DeleteAsync(2, _none);
        Assert.Equal(1, await later.Conversations.DeleteIdleBeforeAsync(later.Now, _none));
        Assert.Null(await later.Conversations.FindAsync(1, _none));
    }

    [StoreFact]
    public async Task Inbox_keeps_unhandled_updates_in_order_and_trims_handled_ones()
    {
        var time = new ManualTimeProvider();
        var database = await store.CreateAsync(time);
        await using (var tx = await database.BeginAsync(_none))
        {
            Assert.True(await tx.Inbox.TryAddAsync(3, 7, "c", _none));
            Assert.True(await tx.Inbox.TryAddAsync(1, 7, "a", _none));
            Assert.True(await tx.Inbox.TryAddAsync(2, null, "b", _none));
            await tx.Inbox.MarkHandledAsync(2, _none);
            await tx.CommitAsync(_none);
        }

        time.Advance(TimeSpan.FromSeconds(1));
        await using var later = await database.BeginAsync(_none);
        Assert.Equal([(1L, "a"), (3L, "c")], await later.Inbox.PendingAsync(10, _none));
        Assert.Equal(1, await later.Inbox.DeleteHandledBeforeAsync(later.Now, _none));
        await later.Inbox.DeleteUnhandledForChatAsync(7, _none);
        Assert.Empty(await later.Inbox.PendingAsync(10, _none));
    }

    [StoreFact]
    public async Task Outbox_rows_are_postponed_failed_dropped_counted_and_trimmed()
    {
        var time = new ManualTimeProvider();
        var database = await store.CreateAsync(time);
        await using (var tx = await database.BeginAsync(_none))
        {
            await tx.Outbox.AddAsync(new OutgoingMessage { ChatId = 1, Text = "a" }, _none);
            await tx.Outbox.AddAsync(new OutgoingMessage { ChatId = 1, Text = "card", LeadCard = 1001, Priority = MessagePriority.Notification }, _none);
            await tx.Outbox.AddAsync(new OutgoingMessage { ChatId = 2, Text = "news", AnnouncementId = 5, Priority = MessagePriority.Announcement }, _none);
            await tx.Outbox.AddAsync(new OutgoingMessage { ChatId = 3, Text = "gone" }, _none);
            await tx.CommitAsync(_none);
        }

        await using (var tx = await database.BeginAsync(_none))
        {
            var rows = await tx.Outbox.PendingAsync(10, 10, _none);
            Assert.Equal(["a", "gone", "card", "news"], rows.Select(r => r.Message.Text));
            var card = rows.Single(r => r.Message.LeadCard == 1001);
            await tx.Outbox.MarkOnItsWayAsync(card.Id, _none);
            await tx.Outbox.PostponeAsync(card.Id, tx.Now + 5000, "network", mayHaveArrived: true, _none);
            await tx.Outbox.PostponeAsync(rows[0].Id, tx.Now + 1000, "429", mayHaveArrived: false, _none);
            await tx.Outbox.MarkFailedAsync(rows.Single(r => r.Message.AnnouncementId == 5).Id, "403", _none);
            await tx.Outbox.DropPendingForChatAsync(3, "blocked by the person", _none);
            Assert.Equal((2L, 0.0), await tx.Outbox.StatsAsync(_none));
            await tx.CommitAsync(_none);
        }

        time.Advance(TimeSpan.FromSeconds(10));
        await using (var tx = await database.BeginAsync(_none))
        {
            var rows = await tx.Outbox.PendingAsync(10, 10, _none);
            var card = rows.Single(r => r.Message.LeadCard == 1001);
            Assert.True(card.InDoubt);
            Assert.Equal(1, card.Attempts);
            Assert.NotNull(card.NotBefore);
            Assert.False(rows.Single(r => r.Message.Text == "a").InDoubt);
            Assert.Equal(10, (await tx.Outbox.StatsAsync(_none)).OldestAgeSeconds);
            Assert.True(await tx.Outbox.MarkSentAsync(card.Id, 77, _none));
            Assert.Equal([(1L, 77L)], await tx.Leads.CardsAsync(1001, _none));
            await tx.Outbox.DeleteForChatAsync(1, [1001], _none);
            Assert.Equal(0, await tx.Outbox.BacklogAsync(_none));
            Assert.Equal(2, await tx.Outbox.DeleteFinishedBeforeAsync(tx.Now + 1, _none));
            await tx.CommitAsync(_none);
        }
    }

    [StoreFact]
    public async Task A_card_marked_on_its_way_but_never_tried_is_in_doubt_only_if_an_earlier_try_was()
    {
        var database = await store.CreateAsync(new ManualTimeProvider());
        await using var tx = await database.BeginAsync(_none);
        await tx.Outbox.AddAsync(new OutgoingMessage { ChatId = 1, Text = "first", LeadCard = 1001, Priority = MessagePriority.Notification }, _none);
        await tx.Outbox.AddAsync(new OutgoingMessage { ChatId = 2, Text = "again", LeadCard = 1002, Priority = MessagePriority.Notification }, _none);
        var rows = await tx.Outbox.PendingAsync(10, 10, _none);
        var first = rows.Single(r => r.Message.Text == "first").Id;
        var again = rows.Single(r => r.Message.Text == "again").Id;
        // "again" had an attempt that ended without an answer before this one.
        await tx.Outbox.MarkOnItsWayAsync(again, _none);
        await tx.Outbox.PostponeAsync(again, 0, "network", mayHaveArrived: true, _none);

        foreach (var id in new[] { first, again })
        {
            await tx.Outbox.MarkOnItsWayAsync(id, _none);
            await tx.Outbox.NotOnItsWayAsync(id, _none);
        }

        rows = await tx.Outbox.PendingAsync(10, 10, _none);
        Assert.False(rows.Single(r => r.Id == first).InDoubt);
        Assert.True(rows.Single(r => r.Id == again).InDoubt);
        await tx.CommitAsync(_none);
    }

    [StoreFact]
    public async Task Leads_are_numbered_from_1001_change_status_follow_up_and_are_anonymised()
    {
        var time = new ManualTimeProvider();
        var database = await store.CreateAsync(time);
        var lead = new Lead
        {
            PersonId = 5, PointId = "jumystap-temirtau", Language = "kk", Source = "c-radio", Campaign = "spring",
            Draft = new LeadDraft
            {
                Kind = LeadKind.Grant, MeasureId = "bastau", Topic = "digital", Name = "Айгүл", Phone = "+77011234567", ContactMethod = ContactMethod.Sms,
                ContactTime = ContactTime.Evening, PlaceId = "temirtau", Latitude = 50.05, Longitude = 72.96, DisabilityGroup = DisabilityGroup.Third,
                Comment = "Кешке", VoiceFileId = "voice-1",
            },
        };
        long first, second;
        await using (var tx = await database.BeginAsync(_none))
        {
            first = await tx.Leads.AddAsync(lead, "person", _none);
            second = await tx.Leads.AddAsync(lead with { PersonId = 6, Draft = lead.Draft with { Kind = LeadKind.Training } }, "person", _none);
            await tx.Leads.AddFunnelEventAsync("started", LeadKind.Grant, _none);
            await tx.Leads.AddArrivalAsync("c-radio", "spring", _none);
            await tx.CommitAsync(_none);
        }

        Assert.Equal((1001L, 1002L), (first, second));
        await using (var tx = await database.BeginAsync(_none))
        {
            var found = await tx.Leads.FindAsync(first, _none);
            Assert.Equal(lead.Draft, found!.Draft);
            Assert.Equal((lead.PointId, lead.Language, LeadStatus.New, time.GetUtcNow().ToUnixTimeMilliseconds()), (found.PointId, found.Language, found.Status, found.CreatedAt));
            Assert.Equal([first], (await tx.Leads.ForPersonAsync(5, _none)).Select(l => l.Number));
            Assert.Equal([first, second], (await tx.Leads.UntakenAsync(escalation: false, _none)).Select(l => l.Number));
            await tx.Leads.MarkFollowedUpAsync(first, escalation: false, _none);
            Assert.Equal([first], (await tx.Leads.UntakenAsync(escalation: true, _none)).Select(l => l.Number));
            await tx.Leads.ChangeStatusAsync(first, LeadStatus.Done, "Гаухар", _none);
            Assert.Equal("Гаухар", (await tx.Leads.FindAsync(first, _none))!.TakenBy);
            Assert.Equal([second], (await tx.Leads.OpenForPointAsync("jumystap-temirtau", _none)).Select(l => l.Number));
            Assert.Equal(2, (await tx.Leads.ForPointAsync("jumystap-temirtau", 0, tx.Now + 1, _none)).Count);
            Assert.Equal([second], await tx.Leads.AnonymiseForPersonAsync(6, _none));
            await tx.CommitAsync(_none);
        }

        time.Advance(TimeSpan.FromDays(1));
        await using (var tx = await database.BeginAsync(_none))
        {
            Assert.Single(await tx.Leads.AnonymiseClosedBeforeAsync(tx.Now, _none));
            var anonymous = await tx.Leads.FindAsync(first, _none);
            Assert.Equal((0L, null, null), (anonymous!.PersonId, anonymous.Draft.Phone, anonymous.Draft.Latitude));
            Assert.Equal(LeadStatus.Cancelled, (await tx.Leads.FindAsync(second, _none))!.Status);
            await tx.CommitAsync(_none);
        }
    }

    [StoreFact]
    public async Task The_statistics_report_counts_the_same_on_both_stores()
    {
        var database = await store.CreateAsync();
        await using (var tx = await database.BeginAsync(_none))
        {
            var lead = new Lead { PersonId = 5, PointId = "career-karaganda", Language = "ru", Source = "c-radio", Draft = new LeadDraft { Kind = LeadKind.Job, ContactMethod = ContactMethod.Call } };
            var number = await tx.Leads.AddAsync(lead, "person", _none);
            await tx.Leads.AddAsync(lead with { Source = null }, "person", _none);
            await tx.Leads.ChangeStatusAsync(number, LeadStatus.InProgress, "Гаухар", _none);
            await tx.Leads.ChangeStatusAsync(number, LeadStatus.Done, "Гаухар", _none);
            await tx.Leads.AddFunnelEventAsync("started", LeadKind.Job, _none);
            await tx.Leads.AddArrivalAsync("c-radio", null, _none);
            await tx.CommitAsync(_none);
        }

        var content = new ContentStore(Options.Create(new BotOptions { ContentPath = Localization.ContentFolder.Path, WatchContent = false }), NullLogger<ContentStore>.Instance);
        var reports = new LeadReports(content, [new JumysBot.Outreach.SourcesReport(content)]);
        await using var read = await database.BeginReadAsync(_none);
        var stats = await reports.StatsAsync(read, _none);

        Assert.Contains("Воронка: начали 1, дали согласие 0, отправили 2, взяты в работу 1, завершены 1.", stats, StringComparison.Ordinal);
        Assert.Contains(": 1 / 1 / 1", stats, StringComparison.Ordinal);
        Assert.Contains(": 0 / 1 / 0", stats, StringComparison.Ordinal);
        Assert.Contains("Время до первого контакта (медиана)", stats, StringComparison.Ordinal);
    }

    [StoreFact]
    public async Task Consultant_chats_are_requested_bound_moved_and_revoked()
    {
        var database = await store.CreateAsync();
        await using var tx = await database.BeginAsync(_none);
        await tx.Consultants.RequestAsync(-100, "Темиртау", _none);
        await tx.Consultants.RequestAsync(-200, null, _none);
        Assert.Equal("Темиртау", await tx.Consultants.PendingRequestTitleAsync(-100, _none));
        Assert.Equal("", await tx.Consultants.PendingRequestTitleAsync(-200, _none));
        Assert.True(await tx.Consultants.DeclineAsync(-200, _none));

        await tx.Consultants.BindAsync(-100, "jumystap-temirtau", "Темиртау", "admin", _none);
        Assert.Null(await tx.Consultants.PendingRequestTitleAsync(-100, _none));
        Assert.Equal([(-100L, "jumystap-temirtau", (string?)"Темиртау", "admin")], await tx.Consultants.ListAsync(_none));
        await tx.Consultants.MoveAsync(-100, -1001, _none);
        Assert.Equal([-1001L], await tx.Consultants.ChatsOfAsync("jumystap-temirtau", _none));
        Assert.Equal("jumystap-temirtau", await tx.Consultants.PointOfAsync(-1001, _none));
        Assert.True(await tx.Consultants.RevokeAsync(-1001, _none));
        Assert.False(await tx.Consultants.RevokeAsync(-1001, _none));
        Assert.Null(await tx.Consultants.PointOfAsync(-1001, _none));
    }

    [StoreFact]
    public async Task The_configuration_seeds_bindings_but_never_undoes_a_revocation_and_removing_a_chat_revokes_it()
    {
        var database = await store.CreateAsync();
        await using var tx = await database.BeginAsync(_none);
        await tx.Consultants.SeedAsync([(-100, "jumystap-temirtau"), (-200, "jumystap-karaganda")], _none);
        await tx.Consultants.BindAsync(-300, "career-karaganda", "Карьерный центр", "admin", _none);
        Assert.True(await tx.Consultants.RevokeAsync(-100, _none));
        await tx.Outbox.AddAsync(new OutgoingMessage { ChatId = -200, Text = "card", Priority = MessagePriority.Notification }, _none);

        // A restart: -100 stays revoked; -200 left the configuration and is revoked with what waited for it; -300 is the
        // administrator's and stays.
        await tx.Consultants.SeedAsync([(-100, "jumystap-temirtau")], _none);

        Assert.Null(await tx.Consultants.PointOfAsync(-100, _none));
        Assert.Null(await tx.Consultants.PointOfAsync(-200, _none));
        Assert.Equal("career-karaganda", await tx.Consultants.PointOfAsync(-300, _none));
        Assert.Equal(0, await tx.Outbox.BacklogAsync(_none));
    }

    [StoreFact]
    public async Task A_group_that_became_a_supergroup_moves_once_and_its_old_id_in_the_configuration_is_not_bound_again()
    {
        var database = await store.CreateAsync();
        await using var tx = await database.BeginAsync(_none);
        await tx.Consultants.SeedAsync([(-100, "jumystap-temirtau")], _none);

        await tx.Consultants.MoveAsync(-100, -1001, _none);
        await tx.Consultants.MoveAsync(-100, -1001, _none);
        await tx.Consultants.SeedAsync([(-100, "jumystap-temirtau")], _none);
        await tx.Consultants.MoveAsync(-100, -1001, _none);

        Assert.Equal([-1001L], await tx.Consultants.ChatsOfAsync("jumystap-temirtau", _none));
        Assert.Null(await tx.Consultants.PointOfAsync(-100, _none));
    }

    [StoreFact]
    public async Task A_card_is_edited_only_where_its_chat_still_serves_the_requests_point()
    {
        var database = await store.CreateAsync();
        await using var tx = await database.BeginAsync(_none);
        var number = await tx.Leads.AddAsync(new Lead { PersonId = 5, PointId = "jumystap-temirtau", Language = "ru", Draft = new LeadDraft { Kind = LeadKind.Training } }, "test", _none);
        await tx.Consultants.BindAsync(-100, "jumystap-temirtau", null, "admin", _none);
        await tx.Consultants.BindAsync(-200, "jumystap-temirtau", null, "admin", _none);
        await tx.Consultants.BindAsync(-300, "jumystap-temirtau", null, "admin", _none);
        foreach (var chat in new long[] { -100, -200, -300, 77 })
        {
            await tx.Outbox.AddAsync(new OutgoingMessage { ChatId = chat, Text = "card", LeadCard = number, Priority = MessagePriority.Notification }, _none);
        }

        foreach (var card in await tx.Outbox.PendingAsync(10, 10, _none))
        {
            await tx.Outbox.MarkSentAsync(card.Id, 10, _none);
        }

        await tx.Consultants.RevokeAsync(-200, _none);
        await tx.Consultants.BindAsync(-300, "jumystap-karaganda", null, "admin", _none);

        Assert.Equal([-100L, 77L], (await tx.Leads.CardsAsync(number, _none)).Select(c => c.ChatId).Order());
        Assert.Equal(4, (await tx.Leads.CardsAsync(number, _none, evenRevoked: true)).Count);
    }

    [StoreFact]
    public async Task An_announcement_counts_its_copies_until_it_is_finished()
    {
        var database = await store.CreateAsync();
        await using var tx = await database.BeginAsync(_none);
        var id = await tx.Announcements.AddAsync(new AnnouncementDraft { TextRu = "Курсы", TextKk = "Курстар", Topics = [AnnouncementTopic.Training], Places = ["temirtau"] }, 9, 3, _none);
        foreach (var chat in new long[] { 1, 2, 3 })
        {
            await tx.Outbox.AddAsync(new OutgoingMessage { ChatId = chat, Text = "Курсы", AnnouncementId = id, Priority = MessagePriority.Announcement }, _none);
        }

        var rows = await tx.Outbox.PendingAsync(10, 10, _none);
        await tx.Outbox.MarkSentAsync(rows[0].Id, 1, _none);
        await tx.Outbox.MarkFailedAsync(rows[1].Id, "403", _none);

        Assert.Equal([new JumysBot.Storage.AnnouncementProgress(id, 9, 1, 1, 1, 0)], await tx.Announcements.UnfinishedAsync(_none));
        await tx.Announcements.MarkFinishedAsync(id, _none);
        Assert.Empty(await tx.Announcements.UnfinishedAsync(_none));
    }

    /// <summary>Compares people by their stored fields (the subscription's topics are a list).</summary>
    private sealed class PersonComparer : IEqualityComparer<Person?>
    {
        public static PersonComparer Instance { get; } = new();

        public bool Equals(Person? x, Person? y) =>
            x is not null && y is not null
            && x.WithPart<Subscription>(null) == y.WithPart<Subscription>(null)
            && x.Part<Subscription>()?.PlaceId == y.Part<Subscription>()?.PlaceId
            && (x.Part<Subscription>()?.Topics ?? []).SequenceEqual(y.Part<Subscription>()?.Topics ?? []);

        public int GetHashCode(Person? obj) => obj?.Id.GetHashCode() ?? 0;
    }
}

public sealed class RepositoryOnSqliteTests(SqliteTestStore store) : RepositoryTests(store), IClassFixture<SqliteTestStore>;

public sealed class RepositoryOnPostgresTests(PostgresTestStore store) : RepositoryTests(store), IClassFixture<PostgresTestStore>;
