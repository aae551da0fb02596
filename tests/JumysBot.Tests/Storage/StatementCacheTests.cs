using System.Data.Common;
using JumysBot.Conversations;
using JumysBot.Storage;

namespace JumysBot.Tests.Storage;

/// <summary>The SQLite writer keeps its statements prepared between transactions, and starts afresh after a fault.</summary>
public sealed class StatementCacheTests
{
    private const string Statement = "SELECT @x * 2";
    private static readonly CancellationToken _none = CancellationToken.None;

    [Fact]
    public async Task A_statement_is_prepared_once_and_reused_by_later_write_transactions_with_new_values()
    {
        var database = await TestDatabase.CreateAsync();

        var (first, doubled) = await RunInWriteAsync(database, 21);
        var (second, doubledAgain) = await RunInWriteAsync(database, 50);

        Assert.Same(first, second);
        Assert.Equal(42L, doubled);
        Assert.Equal(100L, doubledAgain);
    }

    [Fact]
    public async Task A_write_that_does_not_commit_closes_the_writer_and_the_next_one_prepares_anew()
    {
        var database = await TestDatabase.CreateAsync();
        var (before, _) = await RunInWriteAsync(database, 1);

        await using (var abandoned = await database.BeginAsync(_none))
        {
            await abandoned.People.SaveAsync(new Person(2), _none);
        }

        var (after, doubled) = await RunInWriteAsync(database, 3);
        Assert.NotSame(before, after);
        Assert.Equal(6L, doubled);
        await using var tx = await database.BeginAsync(_none);
        await tx.People.SaveAsync(new Person(4), _none);
        await tx.CommitAsync(_none);
        await using var read = await database.BeginReadAsync(_none);
        Assert.Null(await read.People.FindAsync(2, _none));
        Assert.NotNull(await read.People.FindAsync(4, _none));
    }

    [Fact]
    public async Task Past_its_capacity_the_cache_hands_out_ordinary_commands_that_still_work()
    {
        var database = await TestDatabase.CreateAsync();
        await using var tx = await database.BeginAsync(_none);

        for (var i = 0; i < 300; i++)
        {
            await using var command = tx.Command($"SELECT {i}");
            Assert.Equal((long)i, await command.ExecuteScalarAsync());
        }

        // The same text again, after its user disposed it: still prepared, still right.
        await using var again = tx.Command("SELECT 5");
        Assert.Equal(5L, await again.ExecuteScalarAsync());
        await tx.CommitAsync(_none);
    }

    [Fact]
    public async Task Reads_use_their_own_pooled_connections_and_keep_nothing()
    {
        var database = await TestDatabase.CreateAsync();
        DbCommand first, second;
        await using (var read = await database.BeginReadAsync(_none))
        {
            first = read.Command(Statement, ("@x", 1));
        }

        await using (var read = await database.BeginReadAsync(_none))
        {
            second = read.Command(Statement, ("@x", 1));
        }

        Assert.NotSame(first, second);
    }

    /// <summary>Runs <see cref="Statement"/> in a write transaction of its own: the command used, and its result.</summary>
    private static async Task<(DbCommand Command, object? Result)> RunInWriteAsync(BotDatabase database, long x)
    {
        await using var tx = await database.BeginAsync(_none);
        await using var command = tx.Command(Statement, ("@x", x));
        var result = await command.ExecuteScalarAsync();
        await tx.CommitAsync(_none);
        return (command, result);
    }
}
