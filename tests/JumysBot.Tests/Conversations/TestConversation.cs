using JumysBot.Catalog;
using JumysBot.Content;
using JumysBot.Conversations;
using JumysBot.Hosting;
using JumysBot.Leads;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace JumysBot.Tests.Conversations;

/// <summary>The conversation as the app composes it, over the shipped content, without storage or Telegram.</summary>
internal static class TestConversation
{
    public static ContentStore Content { get; } = new(
        Options.Create(new BotOptions { ContentPath = Tests.Localization.ContentFolder.Path, WatchContent = false }),
        NullLogger<ContentStore>.Instance);

    public static ConversationRouter Create(TimeProvider? time = null)
    {
        var leads = new LeadConversation(Options.Create(new LeadOptions()));
        return new(
            Content,
            new Money(Options.Create(new MoneyOptions()), time ?? TimeProvider.System),
            time ?? TimeProvider.System,
            [new StartFlow(), new MainMenu(), new CatalogExplorer(), new SuitsMeWizard(), leads],
            [leads],
            Options.Create(new BotOptions()));
    }
}
