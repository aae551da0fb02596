using JumysBot.Conversations;
using JumysBot.Telegram;
using Microsoft.Extensions.Options;

namespace JumysBot.Tests.Telegram;

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
}
