using JumysBot.Storage;
using JumysBot.Tests.FakeBotApi;
using JumysBot.Tests.Storage.Stores;

namespace JumysBot.Tests.Fleet;

/// <summary>
/// Several bot instances in this process, in webhook mode on one PostgreSQL database, behind a round-robin forwarder
/// that the fake Telegram posts updates to.
/// </summary>
public sealed class InProcessFleet : IAsyncDisposable
{
    public const string Secret = "fleet-secret_0123456789";
    public const string WebhookPath = "/telegram/hook";

    private InProcessFleet(IReadOnlyList<BotUnderTest> bots, RoundRobinForwarder forwarder, WebhookPusher pusher)
    {
        Bots = bots;
        Forwarder = forwarder;
        Pusher = pusher;
    }

    public IReadOnlyList<BotUnderTest> Bots { get; }

    public RoundRobinForwarder Forwarder { get; }

    public WebhookPusher Pusher { get; }

    public static Dictionary<string, string?> Settings(StorageOptions location, IDictionary<string, string?>? more = null)
    {
        var settings = TestStore.Settings(location);
        settings["Telegram:Mode"] = "Webhook";
        settings["Telegram:WebhookUrl"] = $"https://bot.example.kz{WebhookPath}";
        settings["Telegram:WebhookSecret"] = Secret;
        foreach (var (key, value) in more ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return settings;
    }

    public static async Task<InProcessFleet> StartAsync(FakeBotApiServer api, StorageOptions location, int instances, IDictionary<string, string?>? settings = null)
    {
        var bots = new List<BotUnderTest>();
        foreach (var _ in Enumerable.Range(0, instances))
        {
            bots.Add(await BotUnderTest.StartAsync(api, settings: Settings(location, settings)));
        }

        var forwarder = await RoundRobinForwarder.StartAsync([.. bots.Select(b => b.BaseAddress)]);
        var pusher = new WebhookPusher(api, new Uri(forwarder.BaseAddress, WebhookPath), Secret);
        return new InProcessFleet(bots, forwarder, pusher);
    }

    public async ValueTask DisposeAsync()
    {
        await Pusher.DisposeAsync();
        await Forwarder.DisposeAsync();
        foreach (var bot in Bots)
        {
            await bot.DisposeAsync();
        }
    }
}
