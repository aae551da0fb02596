using JumysBot.Conversations;
using JumysBot.Localization;
using JumysBot.Storage;
using Microsoft.Data.Sqlite;

namespace JumysBot.Tests.Storage;

public sealed class BotDatabaseTests
{
    private static readonly CancellationToken _none = CancellationToken.None;

    [Fact]
    public async Task Start_creates_the_folder_and_a_wal_database_at_the_latest_schema()
    {
        var database = await TestDatabase.CreateAsync();

        Assert.True(File.Exists(database.FilePath));
        await using var connection = await database.OpenAsync(_none);
        Assert.Equal("wal", await ScalarAsync(connection, "PRAGMA journal_mode"));
        Assert.Equal((long)Migrations.All.Max(m => m.Version), await ScalarAsync(connection, "SELECT MAX(version) FROM schema_migrations"));
    }

    [Fact]
    public async Task Migrating_again_changes_nothing_and_keeps_the_data()
    {
        var database = await TestDatabase.CreateAsync();
        await using (var tx = await database.BeginAsync(_none))
        {
            await tx.People.SaveAsync(new Person(7) { Language = Language.Kazakh }, _none);
            await tx.CommitAsync(_none);
        }

        var reopened = await TestDatabase.CreateAsync(database.FilePath);

        await using var read = await reopened.BeginAsync(_none);
        Assert.Equal(Language.Kazakh, (await read.People.FindAsync(7, _none))?.Language);
    }

    [Fact]
    public async Task A_person_and_a_conversation_round_trip_with_64_bit_ids()
    {
        var database = await TestDatabase.CreateAsync();
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

    [Fact]
    public async Task A_transaction_that_is_not_committed_leaves_nothing_behind()
    {
        var database = await TestDatabase.CreateAsync();
        await using (var tx = await database.BeginAsync(_none))
        {
            await tx.People.SaveAsync(new Person(9), _none);
            await tx.Outbox.AddAsync(new OutgoingMessage { ChatId = 9, Text = "x" }, _none);
        }

        await using var read = await database.BeginAsync(_none);
        Assert.Null(await read.People.FindAsync(9, _none));
        Assert.Equal(0, await read.Outbox.BacklogAsync(_none));
    }

    [Fact]
    public async Task The_inbox_drops_a_second_copy_and_forgets_the_text_once_handled()
    {
        var database = await TestDatabase.CreateAsync();
        await using var tx = await database.BeginAsync(_none);

        Assert.True(await tx.Inbox.TryAddAsync(100, 1, "{\"text\":\"+77011234567\"}", _none));
        Assert.False(await tx.Inbox.TryAddAsync(100, 1, "{}", _none));
        Assert.Single(await tx.Inbox.PendingAsync(10, _none));

        await tx.Inbox.MarkHandledAsync(100, _none);

        Assert.Empty(await tx.Inbox.PendingAsync(10, _none));
        await using var check = tx.Command("SELECT COUNT(*) FROM inbox WHERE payload IS NOT NULL");
        Assert.Equal(0L, await check.ExecuteScalarAsync(_none));
    }

    [Fact]
    public async Task The_outbox_gives_replies_before_notifications_and_marks_a_row_sent_only_once()
    {
        var database = await TestDatabase.CreateAsync();
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

    private static async Task<object?> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }
}
