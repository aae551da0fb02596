namespace JumysBot.Tests.Desk;

/// <summary>One <see cref="DeskWorld"/> for a whole test class: the bot and its requests are set up once.</summary>
public sealed class DeskWorldFixture : IAsyncLifetime
{
    public DeskWorld World { get; private set; } = null!;

    public async Task InitializeAsync() => World = await DeskWorld.StartAsync();

    public async Task DisposeAsync() => await World.DisposeAsync();
}
