using JumysBot.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace JumysBot.Tests.FakeBotApi;

/// <summary>The real bot host, composed as Program.cs does, talking HTTP to a <see cref="FakeBotApiServer"/>.</summary>
public sealed class BotUnderTest : IAsyncDisposable
{
    private BotUnderTest(WebApplication app, string databasePath)
    {
        App = app;
        DatabasePath = databasePath;
    }

    public WebApplication App { get; }

    public string DatabasePath { get; }

    public IServiceProvider Services => App.Services;

    /// <summary>Where the bot's own HTTP endpoints listen (webhook, health, metrics).</summary>
    public Uri BaseAddress => new(App.Urls.First());

    public static async Task<BotUnderTest> StartAsync(
        FakeBotApiServer api,
        string? databasePath = null,
        Action<IServiceCollection>? configureServices = null,
        IDictionary<string, string?>? settings = null,
        ILoggerProvider? logs = null)
    {
        ArgumentNullException.ThrowIfNull(api);
        databasePath ??= TempDatabase.NewPath();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.Logging.ClearProviders();
        if (logs is not null)
        {
            builder.Logging.AddProvider(logs);
            builder.Logging.SetMinimumLevel(LogLevel.Trace);
        }
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Telegram:BotToken"] = FakeBotApiServer.Token,
            ["Telegram:ApiBaseUrl"] = api.BaseUrl.ToString(),
            ["Telegram:PollingTimeoutSeconds"] = "1",
            ["Telegram:RequestTimeoutSeconds"] = "10",
            ["Storage:Path"] = databasePath,
            ["Urls"] = "http://127.0.0.1:0",
            // Virtual people answer far faster than people do; the flood test sets its own limit.
            ["Bot:FloodLimit"] = "1000",
            // Likewise for Telegram's per-chat pace; the rate tests set Telegram's real limits.
            ["Telegram:PrivateChatMessagesPerSecond"] = "100",
            ["Telegram:PrivateChatBurst"] = "100",
            ["Telegram:GroupMessagesPerMinute"] = "1000",
            ["Telegram:GlobalMessagesPerSecond"] = "1000",
        });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        builder.AddJumysBot();
        configureServices?.Invoke(builder.Services);
        var app = builder.Build();
        app.MapJumysBot();
        await app.StartAsync();
        return new BotUnderTest(app, databasePath);
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
