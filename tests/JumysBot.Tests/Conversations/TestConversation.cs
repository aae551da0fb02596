using JumysBot.Privacy;
using JumysBot.Catalog;
using JumysBot.Content;
using JumysBot.Conversations;
using JumysBot.Hosting;
using JumysBot.Leads;
using JumysBot.Localization;
using JumysBot.Outreach;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace JumysBot.Tests.Conversations;

/// <summary>The conversation as the app composes it (every feature's AddXyz()), over the shipped content, without storage or Telegram.</summary>
internal static class TestConversation
{
    public static ContentStore Content { get; } = new(
        Options.Create(new BotOptions { ContentPath = Tests.Localization.ContentFolder.Path, WatchContent = false }),
        NullLogger<ContentStore>.Instance);

    public static ConversationRouter Create(TimeProvider? time = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddLogging();
        services.AddSingleton(time ?? TimeProvider.System);
        services.AddSingleton(Content);
        services.AddSingleton<ITextSource>(Content);
        services.AddOptions<BotOptions>();
        services.AddConversations().AddCatalog().AddLeads().AddConsultants().AddOutreach().AddPrivacy();
        return (ConversationRouter)services.BuildServiceProvider().GetRequiredService<IConversationHandler>();
    }
}
