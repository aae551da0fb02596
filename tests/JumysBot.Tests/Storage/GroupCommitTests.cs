using JumysBot.Conversations;
using JumysBot.Storage;
using Microsoft.Data.Sqlite;

namespace JumysBot.Tests.Storage;

/// <summary>Many updates' writes share one transaction; each stands or falls on its own.</summary>
public sealed class GroupCommitTests
{
    private static readonly CancellationToken _none = CancellationToken.None;

    [Fact]
    public async Task Work_queued_together_is_committed_together_and_a_failing_piece_is_undone_alone()
    {
        var database = await TestDatabase.CreateAsync();
        await using var commit = new GroupCommit(database);
        var gate = new TaskCompletionSource();

        // The first piece holds the writer until the rest have queued behind it, so they share the next transaction.
        var first = commit.RunAsync(async tx =>
        {
            await gate.Task;
            await tx.People.SaveAsync(new Person(1), _none);
        }, _none);
        var pieces = Enumerable.Range(2, 20).Select(id => commit.RunAsync(async tx =>
        {
            await tx.People.SaveAsync(new Person(id), _none);
            if (id == 7)
            {
                throw new InvalidOperationException("this one fails after writing");
            }
        }, _none)).ToList();
        gate.SetResult();

        await first;
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => pieces[5]);
        Assert.Equal("this one fails after writing", failure.Message);
        await Task.WhenAll(pieces.Where((_, i) => i != 5));
        await using var read = await database.BeginReadAsync(_none);
        Assert.Null(await read.People.FindAsync(7, _none));
        Assert.All(Enumerable.Range(1, 21).Where(id => id != 7), id => Assert.NotNull(read.People.FindAsync(id, _none).Result));
    }

    [Fact]
    public async Task When_the_transaction_cannot_start_every_piece_in_it_fails_and_nothing_is_stored()
    {
        var database = await TestDatabase.CreateAsync(busyTimeoutSeconds: 1);
        await using var commit = new GroupCommit(database);
        await using var intruder = new SqliteConnection($"Data Source={database.FilePath};Pooling=False");
        await intruder.OpenAsync();
        await using (var lockIt = intruder.CreateCommand())
        {
            lockIt.CommandText = "BEGIN EXCLUSIVE";
            await lockIt.ExecuteNonQueryAsync();
        }

        var pieces = Enumerable.Range(1, 3).Select(id => commit.RunAsync(tx => tx.People.SaveAsync(new Person(id), _none), _none)).ToList();

        foreach (var piece in pieces)
        {
            await Assert.ThrowsAsync<SqliteException>(() => piece);
        }

        await using (var release = intruder.CreateCommand())
        {
            release.CommandText = "ROLLBACK";
            await release.ExecuteNonQueryAsync();
        }

        // The writer goes on after a failed transaction.
        await commit.RunAsync(tx => tx.People.SaveAsync(new Person(9), _none), _none);
        await using var read = await database.BeginReadAsync(_none);
        Assert.Null(await read.People.FindAsync(1, _none));
        Assert.NotNull(await read.People.FindAsync(9, _none));
    }

    [Fact]
    public async Task Work_whose_update_was_cancelled_before_its_turn_is_not_run()
    {
        var database = await TestDatabase.CreateAsync();
        await using var commit = new GroupCommit(database);
        var gate = new TaskCompletionSource();
        var holding = commit.RunAsync(_ => gate.Task, _none);
        using var cancelled = new CancellationTokenSource();
        var ran = false;
        var piece = commit.RunAsync(_ =>
        {
            ran = true;
            return Task.CompletedTask;
        }, cancelled.Token);

        await cancelled.CancelAsync();
        gate.SetResult();

        await holding;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => piece);
        Assert.False(ran);
    }
}
