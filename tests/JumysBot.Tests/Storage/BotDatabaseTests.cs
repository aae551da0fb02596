using JumysBot.Conversations;
using JumysBot.Localization;
using JumysBot.Storage;
using JumysBot.Tests.Storage.Stores;
using JumysBot.Updates;

namespace JumysBot.Tests.Storage;

/// <summary>The store's basics, on each store (see the derived classes below).</summary>
public abstract class BotDatabaseTests(TestStore store)
{
    private static readonly CancellationToken _none = CancellationToken.None;

    protected TestStore Store { get; } = store;

    [StoreFact]
    public async Task Start_brings_the_database_to_the_latest_schema()
    {
        var database = await Store.CreateAsync();

        await using var tx = await database.BeginReadAsync(_none);
        await using var version = tx.Command("SELECT MAX(version) FROM schema_migrations");
        Assert.Equal(Migrations.All.Max(m => m.Version), Convert.ToInt32(await version.ExecuteScalarAsync(_none), System.Globalization.CultureInfo.InvariantCulture));
    }

    [StoreFact]
    public async Task Migrating_again_changes_nothing_and_keeps_the_data()
    {
        var location = await Store.NewLocationAsync();
        var database = await TestStore.OpenAsync(location);
        await using (var tx = await database.BeginAsync(_none))
        {
            await tx.People.SaveAsync(new Person(7) { Language = Language.Kazakh }, _none);
            await tx.CommitAsync(_none);
        }

        var reopened = await TestStore.OpenAsync(location);

        await using var read = await reopened.BeginAsync(_none);
        Assert.Equal(Language.Kazakh, (await read.People.FindAsync(7, _none))?.Language);
    }

    [StoreFact]
    public async Task A_person_and_a_conversation_round_trip_with_64_bit_ids()
    {
        var database = await Store.CreateAsync();
        const long bigId = 8_123_456_789_012;
        await using (var tx = await database.BeginAsync(_none))
        {
            await tx.People.SaveAsync(new Person(bigId) { Language = Language.Russian, Role = PersonRole.CarerOfChild }, _none);
            await tx.Conversations.SaveAsync(bigId, new ConversationState(Steps.Menu, """{"x":1}"""), _none);
            await tx.CommitAsync(_none);
        }

        await using var read = await database.BeginAsync(_none);
        Assert.Equal(new Person(bigId) { Language = Language.Russian, Role = PersonRole.CarerOfChild }, await read.People.FindAsync(bigId, _none));
        Assert.Equal(new ConversationState(Steps.Menu, """{"x":1}"""), await read.Conversations.FindAsync(bigId, _none));
    }

    [StoreFact]
    public async Task A_transaction_that_is_not_committed_leaves_nothing_behind()
    {
        var database = await Store.CreateAsync();
        await using (var tx = await database.BeginAsync(_none))
        {
            await tx.People.SaveAsync(new Person(9), _none);
            await tx.Outbox.AddAsync(new OutgoingMessage { ChatId = 9, Text = "x" }, _none);
        }

        await using var read = await database.BeginAsync(_none);
        Assert.Null(await read.People.FindAsync(9, _none));
        Assert.Equal(0, await read.Outbox.BacklogAsync(_none));
    }

    [StoreFact]
    public async Task The_inbox_drops_a_second_copy_and_forgets_the_text_once_handled()
    {
        var database = await Store.CreateAsync();
        await using var tx = await database.BeginAsync(_none);

        Assert.True(await tx.Inbox.TryAddAsync(100, 1, "{\"text\":\"+77011234567\"}", _none));
        Assert.False(await tx.Inbox.TryAddAsync(100, 1, "{}", _none));
        Assert.Single(await tx.Inbox.PendingAsync(10, _none));

        await tx.Inbox.MarkHandledAsync(100, _none);

        Assert.Empty(await tx.Inbox.PendingAsync(10, _none));
        await using var check = tx.Command("SELECT COUNT(*) FROM inbox WHERE payload IS NOT NULL");
        Assert.Equal(0L, await check.ExecuteScalarAsync(_none));
    }

    [StoreFact]
    public async Task The_outbox_gives_replies_before_notifications_and_marks_a_row_sent_only_once()
    {
        var database = await Store.CreateAsync();
        await using var tx = await database.BeginAsync(_none);
        await tx.Outbox.AddAsync(new OutgoingMessage { ChatId = -100, Text = "card", Priority = MessagePriority.Notification }, _none);
        await tx.Outbox.AddAsync(new OutgoingMessage { ChatId = 1, Text = "first", Buttons = [[new Choice("a", "А")]] }, _none);
        await tx.Outbox.AddAsync(new OutgoingMessage { ChatId = 1, Text = "second" }, _none);

        var pending = await tx.Outbox.PendingAsync(10, 10, _none);

        Assert.Equal(["first", "second", "card"], pending.Select(p => p.Message.Text));
        Assert.Equal(new Choice("a", "А"), pending[0].Message.Buttons![0][0]);
        Assert.True(await tx.Outbox.MarkSentAsync(pending[0].Id, 55, _none));
        Assert.False(await tx.Outbox.MarkSentAsync(pending[0].Id, 56, _none));
        Assert.Equal(2, await tx.Outbox.BacklogAsync(_none));
    }
}

public sealed class BotDatabaseOnSqliteTests(SqliteTestStore store) : BotDatabaseTests(store), IClassFixture<SqliteTestStore>
{
    [Fact]
    public async Task Start_creates_the_folder_and_a_wal_database()
    {
        var database = await Store.CreateAsync();

        Assert.True(File.Exists(database.FilePath));
        await using var connection = await database.OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", await command.ExecuteScalarAsync());
    }
}

public sealed class BotDatabaseOnPostgresTests(PostgresTestStore store) : BotDatabaseTests(store), IClassFixture<PostgresTestStore>
{
    [Fact]
    public void Both_stores_have_the_same_schema_versions() =>
        Assert.Equal(Migrations.All.Select(m => m.Version), PostgresMigrations.All.Select(m => m.Version));

    [StoreFact]
    public async Task Instances_starting_together_migrate_once()
    {
        var location = await Store.NewLocationAsync();

        var databases = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => TestStore.OpenAsync(location))));

        await using var tx = await databases[0].BeginReadAsync(CancellationToken.None);
        await using var count = tx.Command("SELECT COUNT(*) FROM schema_migrations");
        Assert.Equal((long)PostgresMigrations.All.Count, await count.ExecuteScalarAsync(CancellationToken.None));
    }
}
