using JumysBot.Conversations;
using JumysBot.Telegram;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using JumysBot.Tests.Storage.Stores;
using JumysBot.Updates;
using Microsoft.Extensions.Logging.Abstractions;

namespace JumysBot.Tests.Storage;

/// <summary>The sender with a real database and a recording channel that fails as told, on each store.</summary>
public abstract class OutboxSenderTests(TestStore store)
{
    private static readonly CancellationToken _none = CancellationToken.None;

    [StoreFact]
    public async Task A_throttled_chat_keeps_its_order_while_other_chats_go_on()
    {
        var time = new ManualTimeProvider();
        var database = await store.CreateAsync(time);
        await AddAsync(database, (1, "1a"), (1, "1b"), (2, "2a"));
        var channel = new RecordingChannel { FailWith = { ["1a"] = new ApiRequestException("Too Many Requests", 429, new ResponseParameters { RetryAfter = 3 }) } };
        var sender = new OutboxSender(database, channel, time, NullLogger<OutboxSender>.Instance);

        Assert.Equal(1, await sender.SendDueAsync(_none));
        Assert.Equal(["2a"], channel.Sent);

        time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(0, await sender.SendDueAsync(_none));

        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(2, await sender.SendDueAsync(_none));
        Assert.Equal(["2a", "1a", "1b"], channel.Sent);
    }

    [StoreFact]
    public async Task A_request_telegram_rejects_is_not_retried_forever()
    {
        var time = new ManualTimeProvider();
        var database = await store.CreateAsync(time);
        await AddAsync(database, (1, "bad"), (1, "next"));
        var channel = new RecordingChannel { FailWith = { ["bad"] = new ApiRequestException("Bad Request: message is too long", 400) } };
        var sender = new OutboxSender(database, channel, time, NullLogger<OutboxSender>.Instance);

        await sender.SendDueAsync(_none);
        await sender.SendDueAsync(_none);

        Assert.Equal(["next"], channel.Sent);
        await using var tx = await database.BeginAsync(_none);
        Assert.Equal(0, await tx.Outbox.BacklogAsync(_none));
    }

    [StoreFact]
    public async Task Network_failures_back_off_and_then_give_up_rather_than_loop()
    {
        var time = new ManualTimeProvider();
        var database = await store.CreateAsync(time);
        await AddAsync(database, (1, "never"));
        var channel = new RecordingChannel { AlwaysFail = { "never" } };
        var sender = new OutboxSender(database, channel, time, NullLogger<OutboxSender>.Instance);

        for (var round = 0; round < 30; round++)
        {
            await sender.SendDueAsync(_none);
            time.Advance(TimeSpan.FromMinutes(6));
        }

        Assert.InRange(channel.Attempts, 2, 12);
        await using var tx = await database.BeginAsync(_none);
        Assert.Equal(0, await tx.Outbox.BacklogAsync(_none));
    }

    [StoreFact]
    public async Task A_long_round_leaves_its_notifications_for_the_next_when_new_messages_were_written()
    {
        var time = new ManualTimeProvider();
        var database = await ReplyThenCardAsync(time);
        using var signal = new OutboxSignal();
        // Sending the reply takes a second of the round, and meanwhile a handler commits something new.
        var channel = new RecordingChannel { AfterSending = text => { if (text == "reply") { time.Advance(TimeSpan.FromSeconds(1)); signal.Notify(); } } };
        var sender = new OutboxSender(database, channel, time, NullLogger<OutboxSender>.Instance, signal: signal);

        Assert.Equal(1, await sender.SendDueAsync(_none));
        Assert.Equal(["reply"], channel.Sent);

        // The next round is young: the card goes, even though nobody took the signal.
        Assert.Equal(1, await sender.SendDueAsync(_none));
        Assert.Equal(["reply", "card"], channel.Sent);
    }

    [StoreFact]
    public async Task A_short_round_sends_its_notifications_though_new_messages_keep_coming()
    {
        var time = new ManualTimeProvider();
        var database = await ReplyThenCardAsync(time);
        using var signal = new OutboxSignal();
        var channel = new RecordingChannel { AfterSending = _ => signal.Notify() };
        var sender = new OutboxSender(database, channel, time, NullLogger<OutboxSender>.Instance, signal: signal);

        Assert.Equal(2, await sender.SendDueAsync(_none));
        Assert.Equal(["reply", "card"], channel.Sent);
    }

    [StoreFact]
    public async Task One_chats_long_queue_does_not_hold_up_another_chats_reply()
    {
        var time = new ManualTimeProvider();
        var database = await store.CreateAsync(time);
        await AddAsync(database, [.. Enumerable.Range(1, 600).Select(i => (1L, $"a{i}")), (2L, "b1")]);
        var channel = new RecordingChannel();
        var limiter = new SendRateLimiter(Microsoft.Extensions.Options.Options.Create(new TelegramOptions()), time);
        var sender = new OutboxSender(database, channel, time, NullLogger<OutboxSender>.Instance, limiter: limiter);

        await sender.SendDueAsync(_none);

        Assert.Contains("b1", channel.Sent);
        Assert.InRange(channel.Sent.Count(t => t.StartsWith('a')), 1, JumysBot.Storage.OutboxRepository.PerChatInRound);
        // A's own messages keep their order, round after round.
        for (var round = 0; round < 5; round++)
        {
            time.Advance(TimeSpan.FromSeconds(1));
            await sender.SendDueAsync(_none);
        }

        var sentOfA = channel.Sent.Where(t => t.StartsWith('a')).ToList();
        Assert.Equal([.. Enumerable.Range(1, sentOfA.Count).Select(i => $"a{i}")], sentOfA);
    }

    [StoreFact]
    public async Task A_row_that_fails_in_a_way_nobody_expected_waits_and_the_round_goes_on()
    {
        var time = new ManualTimeProvider();
        var database = await store.CreateAsync(time);
        await AddAsync(database, (1, "odd"), (1, "after odd"), (2, "fine"));
        var channel = new RecordingChannel { FailWith = { ["odd"] = new InvalidOperationException("an answer of a shape nobody expected") } };
        var sender = new OutboxSender(database, channel, time, NullLogger<OutboxSender>.Instance);

        Assert.Equal(1, await sender.SendDueAsync(_none));
        Assert.Equal(["fine"], channel.Sent);

        time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(2, await sender.SendDueAsync(_none));
        Assert.Equal(["fine", "odd", "after odd"], channel.Sent);
    }

    [StoreFact]
    public async Task A_round_takes_a_few_of_each_chats_messages_most_urgent_chats_first()
    {
        var database = await store.CreateAsync(new ManualTimeProvider());
        await AddAsync(database, [.. Enumerable.Range(1, 10).Select(i => (1L, $"a{i}")), (2L, "b1"), (3L, "c1"), (3L, "c2")]);
        await using var read = await database.BeginReadAsync(_none);

        var pending = await read.Outbox.PendingAsync(500, 20, _none);

        Assert.Equal(["a1", "a2", "a3", "a4", "b1", "c1", "c2"], pending.Select(p => p.Message.Text));
    }

    /// <summary>A chat with a reply waiting and, behind it, a consultant's card.</summary>
    private async Task<JumysBot.Storage.BotDatabase> ReplyThenCardAsync(ManualTimeProvider time)
    {
        var database = await store.CreateAsync(time);
        await using var tx = await database.BeginAsync(_none);
        await tx.Outbox.AddAsync(new OutgoingMessage { ChatId = 1, Text = "reply" }, _none);
        await tx.Outbox.AddAsync(new OutgoingMessage { ChatId = 1, Text = "card", Priority = MessagePriority.Notification }, _none);
        await tx.CommitAsync(_none);
        return database;
    }

    protected static async Task AddAsync(JumysBot.Storage.BotDatabase database, params (long Chat, string Text)[] messages)
    {
        await using var tx = await database.BeginAsync(_none);
        foreach (var (chat, text) in messages)
        {
            await tx.Outbox.AddAsync(new OutgoingMessage { ChatId = chat, Text = text }, _none);
        }

        await tx.CommitAsync(_none);
    }

    protected sealed class RecordingChannel : IMessageChannel
    {
        public Dictionary<string, Exception> FailWith { get; } = [];

        public HashSet<string> AlwaysFail { get; } = [];

        public List<string> Sent { get; } = [];

        public int Attempts { get; private set; }

        /// <summary>Runs after a message was recorded as sent, as what happens meanwhile.</summary>
        public Action<string>? AfterSending { get; init; }

        public Task<long?> SendAsync(OutgoingMessage message, CancellationToken cancellationToken)
        {
            long? id;
            // The sender serves chats in parallel.
            lock (Sent)
            {
                id = Send(message);
            }

            AfterSending?.Invoke(message.Text);
            return Task.FromResult(id);
        }

        private long? Send(OutgoingMessage message)
        {
            Attempts++;
            if (FailWith.Remove(message.Text, out var error))
            {
                throw error;
            }

            if (AlwaysFail.Contains(message.Text))
            {
                throw new RequestException("connection refused");
            }

            Sent.Add(message.Text);
            return Sent.Count;
        }

        public Task AcknowledgeButtonAsync(string callbackQueryId, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}

public sealed class OutboxSenderOnSqliteTests(SqliteTestStore store) : OutboxSenderTests(store), IClassFixture<SqliteTestStore>
{
    [Theory]
    [InlineData(0, 1)]
    [InlineData(3, 8)]
    [InlineData(50, 300)]
    public void Backoff_doubles_and_is_capped(int attempts, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), OutboxSender.Backoff(attempts));
}

public sealed class OutboxSenderOnPostgresTests(PostgresTestStore store) : OutboxSenderTests(store), IClassFixture<PostgresTestStore>;
