using Microsoft.Playwright;

namespace JumysBot.Tests.Desk;

/// <summary>
/// The desk's world and one Chromium for a whole test class: the system's browser (Debian's <c>chromium</c>, which
/// <c>.ci/run</c> installs when missing), driven by Playwright, which downloads no browser of its own.
/// </summary>
public sealed class DeskBrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public DeskWorld World { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Assert.True(File.Exists(ChromiumPath), $"The browser tests need Chromium at {ChromiumPath} (apt-get install chromium; .ci/run does it).");
        World = await DeskWorld.StartAsync();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            // The machine's network is closed: without these Chromium keeps calling Google's services.
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>A fresh browser profile opening the desk as Telegram opens a Mini App: its signed data after the address's #.</summary>
    public async Task<IPage> OpenAsync(string path, string initData, int width = 480)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = 900 },
            AcceptDownloads = true,
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(World.Bot.BaseAddress, path) + "#tgWebAppData=" + Uri.EscapeDataString(initData) + "&tgWebAppVersion=8.0&tgWebAppPlatform=android");
        return page;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await World.DisposeAsync();
    }
}
