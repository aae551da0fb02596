using JumysBot.Content;
using JumysBot.Conversations;
using JumysBot.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace JumysBot.Catalog;

public static class CatalogModule
{
    /// <summary>The support measures: the explorer, «what suits me», search, and amounts in tenge.</summary>
    public static IServiceCollection AddCatalog(this IServiceCollection services)
    {
        services.AddSection<MoneyOptions>(MoneyOptions.SectionName);
        services.AddSingleton<Money>();
        services.AddConversationPart<CatalogExplorer>();
        services.AddConversationPart<SuitsMeWizard>();
        return services;
    }
}
