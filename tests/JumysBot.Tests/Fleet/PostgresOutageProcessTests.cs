using System.Diagnostics;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using JumysBot.Tests.FakeBotApi;
using JumysBot.Tests.Hosting;
using JumysBot.Tests.Storage.Stores;
using Npgsql;
using Xunit.Abstractions;
using static JumysBot.Tests.Fleet.FleetProcessKit;

namespace JumysBot.Tests.Fleet;

/// <summary>
/// The outage drill: PostgreSQL becomes unreachable (a relay between the bot and the server is cut: open connections
/// reset, new ones refused) while people write, for longer than the bot's 30-second replay age, then comes back.
/// Nothing is lost, each person who wrote meanwhile gets one apology, and everything resumes by itself.
/// </summary>
public sealed partial class PostgresOutageProcessTests(PostgresTestStore store, ITestOutputHelper output) : IClassFixture<PostgresTestStore>
{
    private const int People = 30;
    private const int Movers = 6;
    private const long ConsultantChat = -100963;
    private const string Apology = "временная техническая неполадка";

    /// <summary>Past <see cref="JumysBot.Updates.InboxWriter.SharedReplayAge"/>, the one timed branch a longer outage would reach.</summary>
    private static readonly TimeSpan _outage = TimeSpan.FromSeconds(33);

    [StoreFact]
    public async Task PostgreSQL_unreachable_while_people_write_costs_one_apology_each_and_loses_nothing()
    {
        var location = await store.NewLocationAsync();
        var server = new NpgsqlConnectionStringBuilder(location.ConnectionString);
        await using var relay = TcpRelay.Start(server.Host!, server.Port);
        var throughRelay = new NpgsqlConnectionStringBuilder(location.ConnectionString) { Host = "127.0.0.1", Port = relay.Port }.ConnectionString;
        await using var api = await FakeBotApiServer.StartAsync();
        var port = FreePort();
        using var bot = AppProcess.Start(WebhookInstance(api, throughRelay, port, ConsultantChat, "Critical"));
        await api.WaitUntilAsync(() => api.CallsOf("setWebhook").Count == 1, "the webhook registered", TimeSpan.FromSeconds(60));
        await using var pusher = new WebhookPusher(api, new Uri($"http://127.0.0.1:{port}{InProcessFleet.WebhookPath}"), InProcessFleet.Secret);
        var people = Enumerable.Range(0, People).Select(i => new TelegramPerson(api, 48001 + i, "ru") { Patience = TimeSpan.FromSeconds(90) }).ToList();
        await Task.WhenAll(people.Select(p => Task.Run(() => LeadScript.UpToTheNameAsync(p))));

        // A few write a moment before the cut, so their updates are caught anywhere between the webhook and the commit.
        foreach (var mover in people.Take(Movers))
        {
            mover.Sends("Жанна");
        }

        relay.Cut();
        var cutAt = Stopwatch.StartNew();
        foreach (var person in people.Skip(Movers))
        {
            person.Sends("Жанна");
        }

        // Telegram keeps posting what was not stored (every two seconds here); the bot apologises once per person.
        await api.WaitUntilAsync(() => people.Skip(Movers).All(p => p.Received.Any(m => m.Text!.Contains(Apology, StringComparison.Ordinal))), "an apology to everyone who wrote", TimeSpan.FromSeconds(30));
        // A balancer checking readiness keeps the instance: the database is down, not the instance.
        using (var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) })
        {
            var ready = await http.GetAsync(new Uri($"http://127.0.0.1:{port}/readyz"));
            var body = await ready.Content.ReadAsStringAsync();
            Assert.True(ready.StatusCode == System.Net.HttpStatusCode.OK, body);
            Assert.Contains("\"database\":\"unreachable\"", body, StringComparison.Ordinal);
        }

        await Task.Delay(_outage - cutAt.Elapsed);
        var duringOutage = people.Sum(p => p.Received.Count(m => m.Text!.Contains(Apology, StringComparison.Ordinal)));
        relay.Restore();

        await Task.WhenAll(people.Select(p => Task.Run(() => LeadScript.AfterTheNameAsync(p, place: "Балхаш"))));
        await api.WaitUntilAsync(() => Cards(api).Distinct().Count() >= People, "a card for every request", TimeSpan.FromSeconds(60));
        await Task.Delay(2000);

        // Everyone walked the same script: apart from the apology, everyone read the same messages in the same order.
        // One may come twice right after itself: sent at the cut, the sender could not write that down.
        var conversations = people.Select(p => p.Received.Select(m => Digits().Replace(m.Text!, "#")).Where(t => !t.Contains(Apology, StringComparison.Ordinal)).ToList()).ToList();
        var doubled = conversations.Sum(c => c.Where((text, i) => i > 0 && c[i - 1] == text).Count());
        var collapsed = conversations.Select(c => string.Join("\n", c.Where((text, i) => i == 0 || c[i - 1] != text))).ToList();
        Assert.All(collapsed, c => Assert.Equal(collapsed[^1], c));
        Assert.All(people.Skip(Movers), p => Assert.Single(p.Received, m => m.Text!.Contains(Apology, StringComparison.Ordinal)));
        Assert.All(people.Take(Movers), p => Assert.InRange(p.Received.Count(m => m.Text!.Contains(Apology, StringComparison.Ordinal)), 0, 1));
        var cards = Cards(api);
        Assert.Equal(People, cards.Distinct().Count());
        Assert.InRange(doubled + cards.Count - People, 0, Movers);
        Assert.True(relay.Refused > 0, "the bot tried the server during the outage");

        var database = await TestStore.OpenAsync(location);
        await using var tx = await database.BeginReadAsync(CancellationToken.None);
        Assert.Equal((long)People, await ScalarAsync(tx, "SELECT COUNT(DISTINCT person_id) FROM leads"));
        Assert.Equal(0L, await ScalarAsync(tx, "SELECT COUNT(*) FROM inbox WHERE handled_at IS NULL"));
        Assert.Equal(0, await tx.Outbox.BacklogAsync(CancellationToken.None));
        output.WriteLine($"outage {_outage.TotalSeconds:0} s; apologies {duringOutage} during it; connections refused {relay.Refused}; webhook posts retried {pusher.Retries}; doubled replies {doubled}, repeated cards {cards.Count - People}");
    }

    private static List<string> Cards(FakeBotApiServer api) =>
        [.. api.CallsTo(ConsultantChat).Where(c => c.Method == "sendMessage" && c.Status == 200 && Number().IsMatch(c.Text!)).Select(c => Number().Match(c.Text!).Value)];
}
