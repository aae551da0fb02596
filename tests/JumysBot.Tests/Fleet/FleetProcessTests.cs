using System.Net.Sockets;
using System.Text.RegularExpressions;
using JumysBot.Tests.FakeBotApi;
using JumysBot.Tests.Hosting;
using JumysBot.Tests.Storage.Stores;
using static JumysBot.Tests.Fleet.FleetProcessKit;

namespace JumysBot.Tests.Fleet;

/// <summary>
/// The deployment for the whole country in miniature: three bot processes in webhook mode on one PostgreSQL, a
/// round-robin balancer in front, and Telegram posting updates to it.
/// </summary>
public sealed partial class FleetProcessTests(PostgresTestStore store) : IClassFixture<PostgresTestStore>
{
    private const int Instances = 3;
    private const int People = 200;

    [StoreFact]
    public async Task Two_hundred_people_requesting_through_three_instances_lose_and_repeat_nothing()
    {
        var location = await store.NewLocationAsync();
        await using var api = await FakeBotApiServer.StartAsync();
        var ports = Enumerable.Range(0, Instances).Select(_ => FreePort()).ToList();
        var processes = ports.Select(port => AppProcess.Start(WebhookInstance(api, location.ConnectionString!, port, -100960))).ToList();
        try
        {
            await api.WaitUntilAsync(() => api.CallsOf("setWebhook").Count == Instances, "every instance registered its webhook", TimeSpan.FromSeconds(60));
            await using var forwarder = await RoundRobinForwarder.StartAsync([.. ports.Select(p => new Uri($"http://127.0.0.1:{p}"))]);
            await using var pusher = new WebhookPusher(api, new Uri(forwarder.BaseAddress, InProcessFleet.WebhookPath), InProcessFleet.Secret);
            var people = Enumerable.Range(0, People).Select(i => new TelegramPerson(api, 45001 + i, "ru") { Patience = TimeSpan.FromSeconds(120) }).ToList();

            await Task.WhenAll(people.Select(p => Task.Run(() => LeadScript.RequestJobCoachAsync(p, place: "Балхаш"))));
            await api.WaitUntilAsync(() => Cards(api).Count >= People, "a card for every request", TimeSpan.FromSeconds(60));
            await Task.Delay(2000);

            // Everyone walked the same script, so everyone read the same messages: a repeat or a loss would stand out.
            var conversations = people.Select(p => string.Join("\n", p.Received.Select(m => Digits().Replace(m.Text!, "#")))).ToList();
            Assert.All(conversations, c => Assert.Equal(conversations[0], c));
            var cards = Cards(api);
            Assert.Equal(People, cards.Count);
            Assert.Equal(People, cards.Distinct().Count());
            Assert.All(forwarder.Forwarded, count => Assert.InRange(count, People, People * 14));
            var database = await TestStore.OpenAsync(location);
            await using var tx = await database.BeginReadAsync(CancellationToken.None);
            Assert.Equal((long)People, await ScalarAsync(tx, "SELECT COUNT(*) FROM leads"));
            Assert.Equal((long)People, await ScalarAsync(tx, "SELECT COUNT(DISTINCT person_id) FROM leads"));
            Assert.Equal(0L, await ScalarAsync(tx, "SELECT COUNT(*) FROM inbox WHERE handled_at IS NULL"));
            Assert.Equal(0, await tx.Outbox.BacklogAsync(CancellationToken.None));
        }
        finally
        {
            foreach (var process in processes)
            {
                process.Dispose();
            }
        }
    }

    private static List<string> Cards(FakeBotApiServer api) =>
        [.. api.CallsTo(-100960).Where(c => c.Method == "sendMessage" && c.Status == 200).Select(c => Number().Match(c.Text!).Value)];
}
