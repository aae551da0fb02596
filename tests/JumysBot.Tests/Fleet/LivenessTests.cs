using JumysBot.Storage;
using JumysBot.Tests.Storage.Stores;
using JumysBot.Updates;
using Microsoft.Extensions.Logging.Abstractions;

namespace JumysBot.Tests.Fleet;

/// <summary>
/// What an instance took passes to the others as soon as its liveness lock is gone (its session ended), and not
/// while it lives, however long it takes.
/// </summary>
public sealed class LivenessTests(PostgresTestStore store) : IClassFixture<PostgresTestStore>
{
    private static readonly CancellationToken _none = CancellationToken.None;

    [StoreFact]
    public async Task Messages_claimed_by_an_instance_whose_session_ended_are_freed_and_a_live_instances_are_kept()
    {
        var location = await store.NewLocationAsync();
        var (a, b) = (await TestStore.OpenAsync(location), await TestStore.OpenAsync(location));
        await using var livesA = new InstanceLiveness(a, NullLogger<InstanceLiveness>.Instance);
        await using var livesB = new InstanceLiveness(b, NullLogger<InstanceLiveness>.Instance);
        var idA = (await livesA.EnsureAsync(_none))!.Value;
        var idB = (await livesB.EnsureAsync(_none))!.Value;
        Assert.NotEqual(idA, idB);

        await ClaimAsync(a, chat: 1, idA);
        await ClaimAsync(b, chat: 2, idB);
        Assert.Equal(0, await FreeAsync(b));

        // A's process dies: the server ends its session, and with it the lock.
        await TerminateAsync(b, idA);
        await UntilAsync(async () => await FreeAsync(b) == 1, "the dead instance's claim is freed");

        await using var tx = await b.BeginReadAsync(_none);
        Assert.Null(await ScalarAsync(tx, "SELECT not_before FROM outbox WHERE chat_id = 1"));
        Assert.Null(await ScalarAsync(tx, "SELECT claimed_by FROM outbox WHERE chat_id = 1"));
        Assert.Equal(idB, Convert.ToInt32(await ScalarAsync(tx, "SELECT claimed_by FROM outbox WHERE chat_id = 2"), System.Globalization.CultureInfo.InvariantCulture));
        // A registers again under a new number when it looks next (its connection is gone).
        Assert.NotEqual(idA, await livesA.EnsureAsync(_none));
    }

    [StoreFact]
    public async Task Updates_stored_by_an_instance_that_died_are_taken_over_once_and_a_live_instances_are_left_alone()
    {
        var location = await store.NewLocationAsync();
        var (a, b) = (await TestStore.OpenAsync(location), await TestStore.OpenAsync(location));
        await using var livesA = new InstanceLiveness(a, NullLogger<InstanceLiveness>.Instance);
        await using var livesB = new InstanceLiveness(b, NullLogger<InstanceLiveness>.Instance);
        await using var livesC = new InstanceLiveness(b, NullLogger<InstanceLiveness>.Instance);
        var idA = (await livesA.EnsureAsync(_none))!.Value;
        var idB = (await livesB.EnsureAsync(_none))!.Value;
        var idC = (await livesC.EnsureAsync(_none))!.Value;
        await using (var tx = await a.BeginAsync(_none))
        {
            await tx.Inbox.TryAddAsync(2, 7, "second", idA, _none);
            await tx.Inbox.TryAddAsync(1, 7, "first", idA, _none);
            await tx.Inbox.TryAddAsync(3, 8, "C's own", idC, _none);
            await tx.CommitAsync(_none);
        }

        Assert.Empty(await TakeOverAsync(b, idB));
        await TerminateAsync(b, idA);
        IReadOnlyList<(long UpdateId, string Payload)> taken = [];
        await UntilAsync(async () => (taken = await TakeOverAsync(b, idB)).Count > 0, "the dead instance's updates are taken over");

        Assert.Equal([1L, 2L], taken.Select(t => t.UpdateId));
        Assert.Empty(await TakeOverAsync(b, idC));
    }

    [StoreFact]
    public async Task An_instance_whose_liveness_connection_breaks_while_it_lives_stops_sending_what_it_claimed_and_the_rest_goes_once()
    {
        var location = await store.NewLocationAsync();
        var (a, b) = (await TestStore.OpenAsync(location), await TestStore.OpenAsync(location));
        await using var livesA = new InstanceLiveness(a, NullLogger<InstanceLiveness>.Instance);
        await using var livesB = new InstanceLiveness(b, NullLogger<InstanceLiveness>.Instance);
        var idA = (await livesA.EnsureAsync(_none))!.Value;
        await livesB.EnsureAsync(_none);
        await using (var tx = await a.BeginAsync(_none))
        {
            foreach (var text in new[] { "first", "second", "third" })
            {
                await tx.Outbox.AddAsync(new OutgoingMessage { ChatId = 1, Text = text }, _none);
            }

            await tx.CommitAsync(_none);
        }

        var sent = new List<string>();
        // A claims all three; while it sends the first, the connection that holds its liveness lock breaks (the process
        // lives on), and A's next look, which comes every two seconds, finds it out and registers a new number.
        var channelA = new ListChannel(sent, async text =>
        {
            if (text == "first")
            {
                await TerminateAsync(b, idA);
                await UntilAsync(async () => await livesA.EnsureAsync(_none) != idA, "A finds its lock gone");
            }
        });
        await new OutboxSender(a, channelA, TimeProvider.System, NullLogger<OutboxSender>.Instance, liveness: livesA).SendDueAsync(_none);

        // What it claimed under the old number and had not sent yet, it does not send: by now another instance may
        // have freed it and be sending it.
        Assert.Equal(["first"], sent);
        Assert.NotNull(livesA.Id);
        Assert.NotEqual(idA, livesA.Id);

        // The rest goes once, whichever instance claims it next.
        await new OutboxSender(b, new ListChannel(sent), TimeProvider.System, NullLogger<OutboxSender>.Instance, liveness: livesB).SendDueAsync(_none);
        await new OutboxSender(a, new ListChannel(sent), TimeProvider.System, NullLogger<OutboxSender>.Instance, liveness: livesA).SendDueAsync(_none);
        Assert.Equal(["first", "second", "third"], sent);
    }

    /// <summary>Records what is sent; <paramref name="afterSending"/> runs after each message, as what happens meanwhile.</summary>
    private sealed class ListChannel(List<string> sent, Func<string, Task>? afterSending = null) : IMessageChannel
    {
        public async Task<long?> SendAsync(OutgoingMessage message, CancellationToken cancellationToken)
        {
            lock (sent)
            {
                sent.Add(message.Text);
            }

            if (afterSending is not null)
            {
                await afterSending(message.Text);
            }

            return sent.Count;
        }

        public Task AcknowledgeButtonAsync(string callbackQueryId, CancellationToken cancellationToken) => Task.CompletedTask;
    }

    /// <summary>The server ends a terminated session a moment after it is asked to.</summary>
    private static async Task UntilAsync(Func<Task<bool>> condition, string what)
    {
        for (var tries = 0; tries < 100; tries++)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(100);
        }

        Assert.Fail($"Not so within 10 s: {what}.");
    }

    private static async Task ClaimAsync(BotDatabase database, long chat, int instance)
    {
        await using var tx = await database.BeginAsync(_none);
        await tx.Outbox.AddAsync(new OutgoingMessage { ChatId = chat, Text = "hello" }, _none);
        await tx.CommitAsync(_none);
        await using var claim = await database.BeginAsync(_none);
        Assert.Single(await claim.Outbox.ClaimDueAsync(10, 10, claim.Now + 120_000, instance, _none));
        await claim.CommitAsync(_none);
    }

    private static async Task<int> FreeAsync(BotDatabase database)
    {
        await using var tx = await database.BeginAsync(_none);
        var freed = await tx.Outbox.FreeClaimsOfDeadAsync(_none);
        await tx.CommitAsync(_none);
        return freed;
    }

    private static async Task<IReadOnlyList<(long UpdateId, string Payload)>> TakeOverAsync(BotDatabase database, int instance)
    {
        await using var tx = await database.BeginAsync(_none);
        var taken = await tx.Inbox.TakeOverFromDeadAsync(instance, _none);
        await tx.CommitAsync(_none);
        return taken;
    }

    private static async Task TerminateAsync(BotDatabase database, int instance)
    {
        await using var tx = await database.BeginAsync(_none);
        await using var command = tx.Command(
            "SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND classid = @class AND objid::bigint = @id AND objsubid = 2",
            ("@class", InstanceLiveness.LockClass), ("@id", (long)instance));
        Assert.Equal(true, await command.ExecuteScalarAsync(_none));
        await tx.CommitAsync(_none);
    }

    private static async Task<object?> ScalarAsync(StorageTransaction tx, string sql)
    {
        await using var command = tx.Command(sql);
        var value = await command.ExecuteScalarAsync(_none);
        return value is DBNull ? null : value;
    }
}
