using JumysBot.Conversations;
using JumysBot.Telegram;
using JumysBot.Updates;
using Microsoft.Extensions.Options;

namespace JumysBot.Tests.Updates;

/// <summary>Every request counts against Telegram's limits, also the second and later requests of one message.</summary>
public sealed class SendRateLimiterTests
{
    [Fact]
    public void A_message_in_parts_or_with_a_place_costs_a_request_for_each()
    {
        var channel = new TelegramMessageChannel(client: null!);

        Assert.Equal(1, channel.RequestsFor(new OutgoingMessage { ChatId = 1, Text = "Сәлем" }));
        Assert.Equal(2, channel.RequestsFor(new OutgoingMessage { ChatId = 1, Text = new string('ж', 5000) }));
        Assert.Equal(2, channel.RequestsFor(new OutgoingMessage { ChatId = 1, Text = "Ваша заявка принята", Venue = new Venue(49.8, 73.1, "Центр", "Караганда") }));
        Assert.Equal(1, channel.RequestsFor(new OutgoingMessage { ChatId = 1, Text = new string('ж', 5000), EditMessageId = 7 }));
    }

    [Fact]
    public async Task A_further_request_waits_for_the_next_bot_wide_token()
    {
        var limiter = new SendRateLimiter(Options.Create(new TelegramOptions { BotToken = "1:x", GlobalMessagesPerSecond = 20 }), TimeProvider.System);

        Assert.Equal(SendRateLimiter.Result.Sent, limiter.TryTake(1));
        Assert.False(limiter.TryTakeGlobal());
        Assert.True(limiter.UntilNextGlobalToken <= TimeSpan.FromMilliseconds(51));

        // Timers may fire a little early; the sender's loop simply asks again.
        await Task.Delay(limiter.UntilNextGlobalToken + TimeSpan.FromMilliseconds(10));
        Assert.True(limiter.TryTakeGlobal());
        Assert.Equal(SendRateLimiter.Result.BotBusy, limiter.TryTake(2));
    }

    [Fact]
    public void A_chat_telegram_asked_to_wait_gets_nothing_until_the_wait_is_over_not_even_a_newer_message()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow);
        var limiter = new SendRateLimiter(Options.Create(new TelegramOptions()), time);
        Assert.Equal(SendRateLimiter.Result.Sent, limiter.TryTake(5));

        limiter.HoldChat(5, TimeSpan.FromSeconds(3));

        Assert.False(limiter.ChatReady(5));
        time.Advance(TimeSpan.FromSeconds(2.9));
        Assert.False(limiter.ChatReady(5));
        Assert.True(limiter.ChatReady(6));
        time.Advance(TimeSpan.FromSeconds(0.2));
        Assert.True(limiter.ChatReady(5));
    }

    [Fact]
    public async Task After_a_429_a_reply_written_later_does_not_overtake_the_wait()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow);
        var database = await JumysBot.Tests.Storage.Stores.TestStore.OpenAsync(new JumysBot.Storage.StorageOptions { Path = JumysBot.Tests.FakeBotApi.TempDatabase.NewPath() }, time);
        await using (var tx = await database.BeginAsync(default))
        {
            await tx.Outbox.AddAsync(new OutgoingMessage { ChatId = 5, Text = "card", Priority = MessagePriority.Notification }, default);
            await tx.CommitAsync(default);
        }

        var channel = new ThrottlingChannel("card");
        var limiter = new SendRateLimiter(Options.Create(new TelegramOptions()), time);
        var sender = new OutboxSender(database, channel, time, Microsoft.Extensions.Logging.Abstractions.NullLogger<OutboxSender>.Instance, limiter: limiter);
        await sender.SendDueAsync(default);
        await using (var tx = await database.BeginAsync(default))
        {
            await tx.Outbox.AddAsync(new OutgoingMessage { ChatId = 5, Text = "reply" }, default);
            await tx.CommitAsync(default);
        }

        time.Advance(TimeSpan.FromSeconds(2));
        await sender.SendDueAsync(default);
        Assert.Empty(channel.Sent);

        // Then at the chat's pace: the reply (more urgent), and a second later the card.
        time.Advance(TimeSpan.FromSeconds(1.1));
        await sender.SendDueAsync(default);
        Assert.Equal(["reply"], channel.Sent);
        time.Advance(TimeSpan.FromSeconds(1));
        await sender.SendDueAsync(default);
        Assert.Equal(["reply", "card"], channel.Sent);
    }

    private sealed class ThrottlingChannel(string throttledOnce) : IMessageChannel
    {
        private bool _throttled;

        public List<string> Sent { get; } = [];

        public Task<long?> SendAsync(OutgoingMessage message, CancellationToken cancellationToken)
        {
            if (message.Text == throttledOnce && !_throttled)
            {
                _throttled = true;
                throw new global::Telegram.Bot.Exceptions.ApiRequestException("Too Many Requests: retry after 3", 429, new global::Telegram.Bot.Types.ResponseParameters { RetryAfter = 3 });
            }

            Sent.Add(message.Text);
            return Task.FromResult<long?>(Sent.Count);
        }

        public Task AcknowledgeButtonAsync(string callbackQueryId, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
