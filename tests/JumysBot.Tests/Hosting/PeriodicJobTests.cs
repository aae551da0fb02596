using JumysBot.Hosting;
using JumysBot.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace JumysBot.Tests.Hosting;

/// <summary>The scheduled jobs run on the bot's clock: a test moves it, and the rounds come.</summary>
public sealed class PeriodicJobTests
{
    [Fact]
    public async Task A_round_runs_each_time_the_clock_passes_the_interval_and_not_before()
    {
        var clock = new FakeTimeProvider();
        using var job = new CountingJob(TimeSpan.FromMinutes(1), clock, await LeadershipAsync());
        await job.StartAsync(CancellationToken.None);

        clock.Advance(TimeSpan.FromSeconds(59));
        Assert.Equal(0, job.Rounds);
        clock.Advance(TimeSpan.FromSeconds(1));
        await Eventually.TrueAsync(() => job.Rounds == 1, "the first round");

        clock.Advance(TimeSpan.FromMinutes(1));
        await Eventually.TrueAsync(() => job.Rounds == 2, "the second round");
        await job.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task A_job_that_runs_at_start_does_so_before_the_clock_moves()
    {
        var clock = new FakeTimeProvider();
        using var job = new CountingJob(TimeSpan.FromHours(1), clock, await LeadershipAsync(), runAtStart: true);

        await job.StartAsync(CancellationToken.None);

        await Eventually.TrueAsync(() => job.Rounds == 1, "the round at start");
        await job.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task A_failing_round_is_followed_by_the_next_one()
    {
        var clock = new FakeTimeProvider();
        using var job = new CountingJob(TimeSpan.FromSeconds(5), clock, await LeadershipAsync(), failFirst: true);
        await job.StartAsync(CancellationToken.None);

        clock.Advance(TimeSpan.FromSeconds(5));
        await Eventually.TrueAsync(() => job.Rounds == 1, "the failing round");
        clock.Advance(TimeSpan.FromSeconds(5));

        await Eventually.TrueAsync(() => job.Rounds == 2, "the round after the failure");
        await job.StopAsync(CancellationToken.None);
    }

    private static async Task<JobLeadership> LeadershipAsync() =>
        new(await Storage.TestDatabase.CreateAsync(), NullLogger<JobLeadership>.Instance);

    private sealed class CountingJob(TimeSpan interval, TimeProvider time, JobLeadership leadership, bool runAtStart = false, bool failFirst = false)
        : PeriodicJob(interval, time, leadership, NullLogger.Instance)
    {
        private int _rounds;

        public int Rounds => Volatile.Read(ref _rounds);

        protected override bool RunAtStart => runAtStart;

        protected override Task<int> RunOnceAsync(CancellationToken cancellationToken)
        {
            if (Interlocked.Increment(ref _rounds) == 1 && failFirst)
            {
                throw new InvalidOperationException("The store is briefly away.");
            }

            return Task.FromResult(1);
        }
    }
}
