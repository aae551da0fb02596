using JumysBot.Catalog;
using JumysBot.Content;
using JumysBot.Conversations;
using JumysBot.Desk;
using JumysBot.Leads;
using JumysBot.LocalChat;
using JumysBot.Localization;
using JumysBot.Outreach;
using JumysBot.Privacy;
using JumysBot.Storage;
using JumysBot.Telegram;
using JumysBot.Updates;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using Telegram.Bot;

namespace JumysBot.Hosting;

/// <summary>Everything the bot needs in the container; the app and the end-to-end tests compose it the same way.</summary>
public static partial class BotRegistration
{
    [System.Text.RegularExpressions.GeneratedRegex("^[A-Za-z0-9_-]{16,256}$")]
    private static partial System.Text.RegularExpressions.Regex WebhookSecretPattern();

    public static bool HasBotToken(this IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration?[$"{TelegramOptions.SectionName}:{nameof(TelegramOptions.BotToken)}"]);

    public static IHostApplicationBuilder AddJumysBot(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (builder.Configuration[$"{BotOptions.SectionName}:{nameof(BotOptions.MetricsUrls)}"] is { Length: > 0 } metricsUrls)
        {
            // The server listens on both; /metrics answers only on the second (BotTelemetry.MapBotMetrics).
            builder.Configuration["urls"] = $"{builder.Configuration["urls"] ?? "http://localhost:5000"};{metricsUrls}";
        }

        var services = builder.Services;
        services.AddSection<TelegramOptions>(TelegramOptions.SectionName);
        services.AddSection<StorageOptions>(StorageOptions.SectionName);
        services.AddSection<BotOptions>(BotOptions.SectionName);

        services.AddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.AddSingleton<BotMetrics>();
        services.AddSingleton<ContentStore>();
        services.AddSingleton<ITextSource>(sp => sp.GetRequiredService<ContentStore>());
        services.AddSingleton<BotDatabase>();
        services.AddSingleton<JobLeadership>();
        services.AddSingleton<InstanceLiveness>();
        services.AddSingleton<BotIdentity>();
        services.AddHostedService<StorageStartup>();

        // The pipeline knows no feature: each one plugs its handlers, effects, options and jobs in here.
        services.AddUpdatePipeline();
        services.AddConversations();
        services.AddCatalog();
        services.AddLeads();
        services.AddConsultants();
        services.AddOutreach();
        services.AddPrivacy();
        services.AddDesk();

        if (!builder.Configuration.HasBotToken())
        {
            // The terminal chat owns the console: logs go to standard error, and only warnings.
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
            services.AddSingleton<TerminalChannel>();
            services.AddSingleton<IMessageChannel>(sp => sp.GetRequiredService<TerminalChannel>());
            services.AddSingleton<TerminalChat>();
            return builder;
        }

        // The token is part of every request path: the factory's request logging would write it to the log.
        services.AddHttpClient(nameof(ITelegramBotClient))
            .RemoveAllLoggers()
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
            .ConfigureHttpClient((sp, http) =>
                http.Timeout = TimeSpan.FromSeconds(sp.GetRequiredService<IOptions<TelegramOptions>>().Value.RequestTimeoutSeconds));
        // Registered before the receivers, so it stops after them: receiving ends first, then the drain.
        services.AddHostedService<ShutdownDrain>();
        services.AddSingleton(sp => BotClientFactory.Create(
            sp.GetRequiredService<IOptions<TelegramOptions>>().Value,
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(ITelegramBotClient))));
        services.AddSingleton<IMessageChannel, TelegramMessageChannel>();
        services.AddSingleton<ChatDispatcher>();
        services.AddSingleton<SendRateLimiter>();
        services.AddSingleton<InboxWriter>();
        services.AddSingleton<ReceiverStatus>();
        services.AddSingleton<OutboxStatsCache>();
        services.AddBotHealthChecks();
        services.AddBotTelemetry(builder.Configuration);
        services.AddOptions<TelegramOptions>().Validate(
            o => o.Mode != TelegramMode.Webhook || (o.WebhookUrl is { Scheme: "https" or "http" } && WebhookSecretPattern().IsMatch(o.WebhookSecret ?? "")),
            "Webhook mode needs Telegram:WebhookUrl and a Telegram:WebhookSecret of 16–256 letters, digits, '_' or '-'.");
        if (builder.Configuration[$"{TelegramOptions.SectionName}:{nameof(TelegramOptions.Mode)}"] is { } mode
            && mode.Equals(nameof(TelegramMode.Webhook), StringComparison.OrdinalIgnoreCase))
        {
            services.AddHostedService<WebhookRegistration>();
        }
        else
        {
            services.AddHostedService<PollingReceiver>();
        }

        services.AddHostedService<OutboxSenderService>();
        services.AddHostedService<InboxRetryService>();
        services.AddHostedService<ClaimTakeover>();
        services.AddHostedService<CommandsMenu>();
        services.AddHostedService<BotIdentityResolver>();
        return builder;
    }

    /// <summary>
    /// Runs what the command line asks: <c>validate-content</c>, <c>flows</c>, <c>poster</c>, <c>healthcheck</c>,
    /// <c>backup</c>, or the bot itself, over Telegram when a token is set and otherwise as a chat in this terminal.
    /// </summary>
    public static async Task<int> RunJumysBotAsync(this IHost app, string[] args)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (args is [ValidateContentCommand.Name])
        {
            return ValidateContentCommand.Run(app.Services.GetRequiredService<IOptions<BotOptions>>().Value, Console.Out, Console.Error);
        }

        if (args is ["healthcheck"])
        {
            return await HealthcheckAsync(app.Services.GetRequiredService<IConfiguration>());
        }

        if (args is ["backup", var target])
        {
            await app.Services.GetRequiredService<BotDatabase>().BackupAsync(target, CancellationToken.None);
            await Console.Out.WriteLineAsync($"Backed up to {Path.GetFullPath(target)}");
            return 0;
        }

        if (args is [PosterCommand.Name, .. var posterArguments])
        {
            return await PosterCommand.RunAsync(
                posterArguments,
                app.Services.GetRequiredService<IOptions<BotOptions>>(),
                app.Services.GetRequiredService<IOptions<TelegramOptions>>(),
                Console.Out,
                Console.Error,
                CancellationToken.None);
        }

        if (args is [FlowsCommand.Name])
        {
            var content = BotContent.Load(ContentStore.ContentFolder(app.Services.GetRequiredService<IOptions<BotOptions>>().Value));
            await Console.Out.WriteAsync(FlowsCommand.Render(content, app.Services.GetRequiredService<IOptions<LeadOptions>>().Value));
            return 0;
        }

        try
        {
            if (app.Services.GetService<TerminalChat>() is { } terminal)
            {
                await Console.Out.WriteLineAsync(
                    "Telegram:BotToken is not set, so JumysBot runs as a local chat in this terminal (type /help; end input to exit).");
                return await terminal.RunAsync(Console.In, Console.Out, CancellationToken.None);
            }

            await app.RunAsync();
            return Environment.ExitCode;
        }
        catch (ContentException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return 1;
        }
        catch (OptionsValidationException e)
        {
            await Console.Error.WriteLineAsync("The configuration is not valid: " + string.Join(" ", e.Failures));
            return ConfigurationCheck.ExitCode;
        }
    }

    /// <summary>For Docker's HEALTHCHECK: asks this machine's <c>/healthz</c>; exit code 0 when it answers.</summary>
    private static async Task<int> HealthcheckAsync(IConfiguration configuration)
    {
        var url = (configuration["Urls"] ?? configuration["ASPNETCORE_URLS"] ?? "http://localhost:5000").Split(';')[0]
            .Replace("://+", "://127.0.0.1", StringComparison.Ordinal).Replace("://*", "://127.0.0.1", StringComparison.Ordinal)
            .Replace("://0.0.0.0", "://127.0.0.1", StringComparison.Ordinal);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        try
        {
            using var response = await http.GetAsync(new Uri(new Uri(url), "/healthz"));
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (HttpRequestException)
        {
            return 1;
        }
        catch (TaskCanceledException)
        {
            return 1;
        }
    }
}
