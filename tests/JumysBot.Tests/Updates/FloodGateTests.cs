using JumysBot.Conversations;
using JumysBot.Hosting;
using JumysBot.Updates;
using Microsoft.Extensions.Options;

namespace JumysBot.Tests.Updates;

public sealed class FloodGateTests
{
    private static readonly BotOptions _settings = new() { FloodLimit = 3, FloodWindowSeconds = 10, FloodPauseSeconds = 60 };

    [Fact]
    public void Chats_quiet_for_longer_than_the_window_are_forgotten_but_a_paused_one_stays_paused()
    {
        var time = new ManualTimeProvider(DateTimeOffset.Parse("2026-11-22T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var gate = new FloodGate(Options.Create(_settings), time);
        for (var i = 0; i < 4; i++)
        {
            gate.Check(1);
        }

        for (long chat = 100; chat < 5_100; chat++)
        {
            Assert.Equal(FloodGate.Verdict.Allow, gate.Check(chat));
        }

        Assert.Equal(5_001, gate.TrackedChats);

        time.Advance(TimeSpan.FromSeconds(11));
        for (var i = 0; i < 2_048; i++)
        {
            gate.Check(7);
        }

        // Everyone quiet was dropped; the chat in its pause and the one writing now are kept.
        Assert.Equal(2, gate.TrackedChats);
        Assert.Equal(FloodGate.Verdict.Ignore, gate.Check(1));
        Assert.Equal(FloodGate.Verdict.Allow, gate.Check(100));
    }
}
