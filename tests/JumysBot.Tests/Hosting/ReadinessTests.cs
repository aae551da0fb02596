using System.Net;
using JumysBot.Conversations;
using JumysBot.Hosting;
using JumysBot.Storage;
using JumysBot.Tests.FakeBotApi;
using JumysBot.Updates;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace JumysBot.Tests.Hosting;

/// <summary>What a load balancer or an orchestrator reads from <c>/readyz</c> and <c>/healthz</c>.</summary>
public sealed class ReadinessTests
{
    private static readonly CancellationToken _none = CancellationToken.None;

    [Fact]
    public async Task Readiness_turns_503_and_names_the_outbox_when_the_backlog_reaches_the_limit()
    {
        await using var api = await FakeBotApiServer.StartAsync();
        await using var bot = await BotUnderTest.StartAsync(api, settings: new Dictionary<string, string?> { ["Bot:ReadyMaxBacklog"] = "3" });
        using var http = new HttpClient { BaseAddress = bot.BaseAddress };
        await WaitUntilReadyAsync(http);

        // Telegram throttles the chat for a minute at its first message: the other three wait behind it, in order.
        api.FailNext("sendMessage", 429, """{"ok":false,"error_code":429,"description":"Too Many Requests: retry after 60","parameters":{"retry_after":60}}""");
        await using (var tx = await bot.Services.GetRequiredService<BotDatabase>().BeginAsync(_none))
        {
            foreach (var text in new[] { "one", "two", "three", "four" })
            {
                await tx.Outbox.AddAsync(new OutgoingMessage { ChatId = 7001, Text = text }, _none);
            }

            await tx.CommitAsync(_none);
        }

        bot.Services.GetRequiredService<OutboxSignal>().Notify();
        await api.WaitForCallAsync(c => c.Method == "sendMessage" && c.Status == 429, "the throttled send");

        var response = await http.GetAsync(new Uri("/readyz", UriKind.Relative));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("\"outbox\":\"backlog 4\"", body, StringComparison.Ordinal);
        Assert.Contains("\"database\":\"ok\"", body, StringComparison.Ordinal);
        Assert.Equal("ok", await http.GetStringAsync(new Uri("/healthz", UriKind.Relative)));
    }

    [Fact]
    public async Task Readiness_names_each_check_and_says_ok_when_all_pass()
    {
        await using var api = await FakeBotApiServer.StartAsync();
        await using var bot = await BotUnderTest.StartAsync(api);
        using var http = new HttpClient { BaseAddress = bot.BaseAddress };
        await WaitUntilReadyAsync(http);

        var body = await http.GetStringAsync(new Uri("/readyz", UriKind.Relative));

        Assert.Equal("""{"database":"ok","receiving":"ok","outbox":"ok","draining":"ok"}""", body);
    }

    [Fact]
    public async Task An_instance_that_is_stopping_is_not_ready()
    {
        using var lifetime = new StoppableLifetime();
        var check = new DrainingCheck(lifetime);
        Assert.Equal(HealthStatus.Healthy, (await check.CheckHealthAsync(new HealthCheckContext(), _none)).Status);

        lifetime.StopApplication();

        var result = await check.CheckHealthAsync(new HealthCheckContext(), _none);
        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Equal("draining", result.Description);
    }

    [Fact]
    public async Task A_polling_receiver_silent_for_a_minute_is_not_ready_and_a_quiet_webhook_stays_ready()
    {
        var time = new ManualTimeProvider();
        var polling = new ReceiverStatus(time);
        var webhook = new ReceiverStatus(time);
        polling.MarkActive();
        webhook.MarkWebhookRegistered();

        // A night without a single update.
        time.Advance(TimeSpan.FromHours(1));

        var stopped = await new ReceivingCheck(polling, time).CheckHealthAsync(new HealthCheckContext(), _none);
        Assert.Equal((HealthStatus.Unhealthy, "stale"), (stopped.Status, stopped.Description));
        // Taken out of its balancer for being quiet, a webhook instance would never hear the next post.
        Assert.Equal(HealthStatus.Healthy, (await new ReceivingCheck(webhook, time).CheckHealthAsync(new HealthCheckContext(), _none)).Status);
    }

    private static async Task WaitUntilReadyAsync(HttpClient http)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while ((await http.GetAsync(new Uri("/readyz", UriKind.Relative))).StatusCode != HttpStatusCode.OK)
        {
            Assert.True(DateTime.UtcNow < deadline, "The bot did not become ready in time.");
            await Task.Delay(50);
        }
    }

    private sealed class StoppableLifetime : IHostApplicationLifetime, IDisposable
    {
        private readonly CancellationTokenSource _stopping = new();

        public CancellationToken ApplicationStarted => CancellationToken.None;

        public CancellationToken ApplicationStopping => _stopping.Token;

        public CancellationToken ApplicationStopped => CancellationToken.None;

        public void StopApplication() => _stopping.Cancel();

        public void Dispose() => _stopping.Dispose();
    }
}
