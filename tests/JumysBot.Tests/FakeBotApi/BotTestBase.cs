namespace JumysBot.Tests.FakeBotApi;

/// <summary>A fresh fake Bot API and a running bot for each test; a test class overrides <see cref="Settings"/> to configure it.</summary>
public abstract class BotTestBase : IAsyncLifetime
{
    protected FakeBotApiServer Api { get; private set; } = null!;

    protected BotUnderTest Bot { get; private set; } = null!;

    protected virtual IDictionary<string, string?>? Settings => null;

    public async Task InitializeAsync()
    {
        Api = await FakeBotApiServer.StartAsync();
        Bot = await BotUnderTest.StartAsync(Api, settings: Settings);
    }

    public async Task DisposeAsync()
    {
        await Bot.DisposeAsync();
        await Api.DisposeAsync();
    }
}
