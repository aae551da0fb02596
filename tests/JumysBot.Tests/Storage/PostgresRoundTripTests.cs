using System.Diagnostics;
using JumysBot.Conversations;
using JumysBot.Localization;
using JumysBot.Storage;
using JumysBot.Tests.Storage.Stores;

namespace JumysBot.Tests.Storage;

/// <summary>
/// On PostgreSQL an update's statements travel together: the planned reads and the savepoint with its first statement,
/// the writes and the savepoint's release in one batch. What travels together must still behave as if run one by one.
/// </summary>
public sealed class PostgresRoundTripTests(PostgresTestStore store) : IClassFixture<PostgresTestStore>
{
    private static readonly CancellationToken _none = CancellationToken.None;

    [StoreFact]
    public async Task An_updates_reads_and_writes_cost_two_round_trips_besides_the_commit()
    {
        var location = await store.NewLocationAsync();
        var database = await TestStore.OpenAsync(location);
        await SeedAsync(database);
        await using var commit = new GroupCommit(database);
        using var trips = new RoundTrips(location.ConnectionString!);

        await commit.RunAsync(tx => HandleLikeAnUpdateAsync(tx, readAhead: true), _none);
        var withReadAhead = trips.Count;
        trips.Reset();
        await commit.RunAsync(tx => HandleLikeAnUpdateAsync(tx, readAhead: false), _none);
        var without = trips.Count;

        // Planned: [savepoint, three reads, the turn] and [writes, release]; the commit is the transaction's own.
        Assert.Equal(2, withReadAhead);
        // Unplanned, each of the four reads (the person twice: the language, then the profile) costs a round trip.
        Assert.Equal(withReadAhead + 4, without);
    }

    [StoreFact]
    public async Task A_read_after_a_write_sees_the_write_not_the_rows_read_ahead()
    {
        var database = await TestStore.OpenAsync(await store.NewLocationAsync());
        await SeedAsync(database);
        await using var commit = new GroupCommit(database);

        await commit.RunAsync(async tx =>
        {
            tx.People.ReadAhead(1);
            tx.Conversations.ReadAhead(1);
            Assert.True(await tx.Inbox.TakeTurnAsync(100, 1, _none));
            Assert.Equal(Language.Russian, (await tx.People.FindAsync(1, _none))!.Language);
            await tx.People.SaveAsync(new Person(1) { Language = Language.Kazakh }, _none);
            await tx.Conversations.SaveAsync(1, new ConversationState("later", null), _none);

            Assert.Equal(Language.Kazakh, (await tx.People.FindAsync(1, _none))!.Language);
            Assert.Equal("later", (await tx.Conversations.FindAsync(1, _none))!.Step);

            // A planned read that travels with a write run at once (not held) was read before that write.
            tx.People.ReadAhead(1);
            await tx.People.MarkInactiveAsync(1, _none);
            Assert.False((await tx.People.FindAsync(1, _none))!.IsActive);
        }, _none);
    }

    [StoreFact]
    public async Task A_piece_failing_before_or_after_its_first_statement_is_undone_alone()
    {
        var database = await TestStore.OpenAsync(await store.NewLocationAsync());
        await using var commit = new GroupCommit(database, writers: 2);
        var gate = new TaskCompletionSource();
        var first = commit.RunAsync(async tx =>
        {
            await gate.Task;
            await tx.People.SaveAsync(new Person(2), _none);
        }, chatId: 2, _none);
        // Chats 2, 4, 6 … share one writer, so these queue behind the first and share its next transaction.
        var pieces = new[] { 4L, 6, 8, 10 }.Select(id => commit.RunAsync(async tx =>
        {
            if (id == 6)
            {
                // Fails before its savepoint has gone to the server.
                throw new InvalidOperationException("before any statement");
            }

            tx.People.ReadAhead(id);
            await tx.People.SaveAsync(new Person(id), _none);
            Assert.NotNull(await tx.People.FindAsync(id, _none));
            if (id == 8)
            {
                throw new InvalidOperationException("after its writes went");
            }
        }, chatId: id, _none)).ToList();
        gate.SetResult();

        await first;
        await Assert.ThrowsAsync<InvalidOperationException>(() => pieces[1]);
        await Assert.ThrowsAsync<InvalidOperationException>(() => pieces[2]);
        await Task.WhenAll(pieces[0], pieces[3]);
        await using var read = await database.BeginReadAsync(_none);
        foreach (var (id, kept) in new[] { (2L, true), (4, true), (6, false), (8, false), (10, true) })
        {
            Assert.Equal(kept, await read.People.FindAsync(id, _none) is not null);
        }
    }

    [StoreFact]
    public async Task Several_writers_keep_each_chats_work_in_order()
    {
        var database = await TestStore.OpenAsync(await store.NewLocationAsync());
        await using var commit = new GroupCommit(database, writers: 3);
        var order = new System.Collections.Concurrent.ConcurrentDictionary<long, List<int>>();
        var pieces = Enumerable.Range(0, 40).SelectMany(step => Enumerable.Range(1, 6).Select(chat => commit.RunAsync(async tx =>
        {
            await tx.Conversations.SaveAsync(chat, new ConversationState($"step {step}", null), _none);
            var seen = order.GetOrAdd(chat, _ => []);
            lock (seen)
            {
                seen.Add(step);
            }
        }, chatId: chat, _none))).ToList();
        await Task.WhenAll(pieces);

        await using var read = await database.BeginReadAsync(_none);
        for (var chat = 1; chat <= 6; chat++)
        {
            Assert.Equal(Enumerable.Range(0, 40), order[chat]);
            Assert.Equal("step 39", (await read.Conversations.FindAsync(chat, _none))!.Step);
        }
    }

    private static async Task SeedAsync(BotDatabase database)
    {
        await using var tx = await database.BeginAsync(_none);
        await tx.People.SaveAsync(new Person(1) { Language = Language.Russian }, _none);
        await tx.Conversations.SaveAsync(1, new ConversationState("start", null), _none);
        foreach (var id in new long[] { 100, 101 })
        {
            await tx.Inbox.TryAddAsync(id, 1, "{}", _none);
        }

        await tx.CommitAsync(_none);
    }

    // What the processor and the person's conversation ask of the store for one update.
    private static async Task HandleLikeAnUpdateAsync(StorageTransaction tx, bool readAhead)
    {
        if (readAhead)
        {
            tx.People.ReadAhead(1);
            tx.Conversations.ReadAhead(1);
            tx.Leads.ReadAheadForPerson(1);
        }

        Assert.True(await tx.Inbox.TakeTurnAsync(readAhead ? 100 : 101, null, _none));
        Assert.NotNull(await tx.People.FindAsync(1, _none));
        var person = await tx.People.FindAsync(1, _none);
        Assert.Empty(await tx.Leads.ForPersonAsync(1, _none));
        Assert.NotNull(await tx.Conversations.FindAsync(1, _none));
        await tx.People.SaveAsync(person!, _none);
        await tx.Conversations.SaveAsync(1, new ConversationState("next", null), _none);
        await tx.Inbox.MarkHandledAsync(readAhead ? 100 : 101, _none);
    }

    /// <summary>Counts the round trips Npgsql makes to one database (each command or batch is one activity).</summary>
    private sealed class RoundTrips : IDisposable
    {
        private readonly ActivityListener _listener;
        private int _count;

        public RoundTrips(string connectionString)
        {
            var database = new Npgsql.NpgsqlConnectionStringBuilder(connectionString).Database!;
            _listener = new ActivityListener
            {
                ShouldListenTo = source => source.Name == "Npgsql",
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
                ActivityStopped = activity =>
                {
                    if (activity.TagObjects.Any(t => t.Value is string value && value.Contains(database, StringComparison.Ordinal)))
                    {
                        Interlocked.Increment(ref _count);
                    }
                },
            };
            ActivitySource.AddActivityListener(_listener);
        }

        public int Count => Volatile.Read(ref _count);

        public void Reset() => Interlocked.Exchange(ref _count, 0);

        public void Dispose() => _listener.Dispose();
    }
}
