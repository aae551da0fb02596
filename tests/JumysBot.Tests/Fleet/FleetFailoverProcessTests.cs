using System.Net.Sockets;
using System.Text.RegularExpressions;
using JumysBot.Tests.FakeBotApi;
using JumysBot.Tests.Hosting;
using JumysBot.Tests.Storage.Stores;
using JumysBot.Updates;
using Xunit.Abstractions;
using static JumysBot.Tests.Fleet.FleetProcessKit;

namespace JumysBot.Tests.Fleet;

/// <summary>
/// An instance dies under load and nobody notices: three bot processes in webhook mode on one PostgreSQL behind a
/// balancer that checks <c>/readyz</c>, two hundred people mid-request; one instance is killed (SIGKILL), later another
/// is stopped (SIGTERM) and started again, as a rolling deploy does.
/// </summary>
public sealed partial class FleetFailoverProcessTests(PostgresTestStore store, ITestOutputHelper output) : IClassFixture<PostgresTestStore>
{
    private const int Instances = 3;
    private const int People = 200;
    private const long ConsultantChat = -100961;

    [StoreFact]
    public async Task Two_hundred_people_finish_their_requests_while_one_instance_is_killed_and_another_restarted()
    {
        var location = await store.NewLocationAsync();
        await using var api = await FakeBotApiServer.StartAsync();
        var ports = Enumerable.Range(0, Instances).Select(_ => FreePort()).ToList();
        var processes = ports.Select(port => AppProcess.Start(WebhookInstance(api, location.ConnectionString!, port, ConsultantChat))).ToList();
        try
        {
            await api.WaitUntilAsync(() => api.CallsOf("setWebhook").Count == Instances, "every instance registered its webhook", TimeSpan.FromSeconds(60));
            await using var balancer = await RoundRobinForwarder.StartAsync([.. ports.Select(p => new Uri($"http://127.0.0.1:{p}"))], healthPath: "/readyz");
            await using var pusher = new WebhookPusher(api, new Uri(balancer.BaseAddress, InProcessFleet.WebhookPath), InProcessFleet.Secret);
            var people = Enumerable.Range(0, People).Select(i => new TelegramPerson(api, 46001 + i, "ru") { Patience = TimeSpan.FromSeconds(120) }).ToList();
            var flows = people.Select(p => Task.Run(() => LeadScript.RequestJobCoachAsync(p, place: "Балхаш"))).ToList();

            // About a fifth of the way: the first instance dies with whatever it holds.
            await api.WaitUntilAsync(() => Replies(api) >= People * 3, "people mid-flow", TimeSpan.FromSeconds(120));
            processes[0].Kill();
            var killedAt = DateTime.UtcNow;
            // Half way: the second is stopped and started again with the same settings.
            await api.WaitUntilAsync(() => Replies(api) >= People * 7, "people further on", TimeSpan.FromSeconds(120));
            processes[1].Terminate();
            Assert.Equal(0, await processes[1].WaitForExitAsync());
            processes[1].Dispose();
            processes[1] = AppProcess.Start(WebhookInstance(api, location.ConnectionString!, ports[1], ConsultantChat));

            await Task.WhenAll(flows);
            await api.WaitUntilAsync(() => Cards(api).Select(c => c.Number).Distinct().Count() >= People, "a card for every request", TimeSpan.FromSeconds(60));
            await Task.Delay(2000);

            // Everyone walked the same script, so everyone read the same messages in the same order. A message may come
            // twice only right after itself: it was sent by the killed instance, which died before writing that down.
            var conversations = people.Select(p => p.Received.Select(m => Digits().Replace(m.Text!, "#")).ToList()).ToList();
            var doubled = conversations.Sum(c => c.Where((text, i) => i > 0 && c[i - 1] == text).Count());
            var collapsed = conversations.Select(c => string.Join("\n", c.Where((text, i) => i == 0 || c[i - 1] != text))).ToList();
            var usual = collapsed.GroupBy(c => c).MaxBy(g => g.Count())!.Key;
            foreach (var odd in people.Where((p, i) => collapsed[i] != usual).Take(2))
            {
                output.WriteLine($"ODD {odd.Id}:\n" + string.Join("\n", odd.Received.Select(m => $"[{m.At:HH:mm:ss.fff}] {m.Text![..Math.Min(50, m.Text!.Length)].ReplaceLineEndings(" ")}")));
            }

            Assert.All(collapsed, c => Assert.Equal(usual, c));
            var cards = Cards(api);
            Assert.Equal(People, cards.Select(c => c.Number).Distinct().Count());
            // A card sent again says on its first line that it may be a repeat.
            Assert.All(cards.GroupBy(c => c.Number).Where(g => g.Count() > 1).SelectMany(g => g.Skip(1)), c => Assert.StartsWith("Повторная отправка", c.Text, StringComparison.Ordinal));
            // Only what the killed instance had sent and not yet written down can come twice: the marks waiting to fill a
            // batch, a batch being committed, and the sends in flight.
            Assert.InRange(doubled + cards.Count - People, 0, (2 * SentMarks.BatchSize) + OutboxSender.ParallelChats);
            // The balancer took the dead instance out, as after a failed health check.
            Assert.False(balancer.IsUp(0));
            Assert.InRange(balancer.Failed[0], 0, 40);

            var database = await TestStore.OpenAsync(location);
            await using var tx = await database.BeginReadAsync(CancellationToken.None);
            Assert.Equal((long)People, await ScalarAsync(tx, "SELECT COUNT(*) FROM leads"));
            Assert.Equal((long)People, await ScalarAsync(tx, "SELECT COUNT(DISTINCT person_id) FROM leads"));
            Assert.Equal(0L, await ScalarAsync(tx, "SELECT COUNT(*) FROM inbox WHERE handled_at IS NULL"));
            Assert.Equal(0, await tx.Outbox.BacklogAsync(CancellationToken.None));

            // Figures, not assertions (the machine is shared): how long people waited for a reply, and cards for their point.
            var waits = people.SelectMany(p => Gaps(p.Received)).Order().ToList();
            var afterKill = people.SelectMany(p => Gaps(p.Received.Where(m => m.At >= killedAt.AddSeconds(-1)).ToList())).DefaultIfEmpty(0).Max();
            var confirmed = people.ToDictionary(p => p.Id, p => p.Received.Last(m => m.Text!.Contains("принята", StringComparison.Ordinal)).At);
            var cardDelays = cards.GroupBy(c => c.Number).Select(g => (g.Min(c => c.At) - confirmed[g.First().Person]).TotalSeconds).ToList();
            output.WriteLine($"replies between a person's messages: p50 {waits[waits.Count / 2]:0.00} s, p99 {waits[(int)(waits.Count * 0.99)]:0.00} s, max {waits[^1]:0.00} s; longest after the kill {afterKill:0.00} s");
            output.WriteLine($"card after confirmation: max {cardDelays.Max():0.00} s; doubled replies {doubled}, repeated cards {cards.Count - People}; forwarded {string.Join("/", balancer.Forwarded)}, failed {string.Join("/", balancer.Failed)}, pusher retries {pusher.Retries}");
        }
        finally
        {
            foreach (var process in processes)
            {
                process.Dispose();
            }
        }
    }

    private static IEnumerable<double> Gaps(IReadOnlyList<ApiCall> received) =>
        received.Skip(1).Select((m, i) => (m.At - received[i].At).TotalSeconds);

    private static int Replies(FakeBotApiServer api) => api.CallsOf("sendMessage").Count(c => c.ChatId > 0);

    private sealed record Card(string Number, string Text, DateTime At, long Person);

    private static List<Card> Cards(FakeBotApiServer api) =>
        [.. api.CallsTo(ConsultantChat).Where(c => c.Method == "sendMessage" && c.Status == 200 && Number().IsMatch(c.Text!))
            .Select(c => new Card(Number().Match(c.Text!).Value, c.Text!, c.At, PersonOf(api, Number().Match(c.Text!).Value)))];

    /// <summary>The person whose reply «принята» carries the same request number.</summary>
    private static long PersonOf(FakeBotApiServer api, string number) =>
        Enumerable.Range(0, People).Select(i => 46001L + i)
            .FirstOrDefault(id => api.CallsTo(id).Any(c => c.Method == "sendMessage" && c.Text?.Contains(number, StringComparison.Ordinal) == true && c.Text.Contains("принята", StringComparison.Ordinal)));
}
