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
        services.AddMenuEntry(new MenuEntry(CatalogExplorer.Categories, "menu.measures", 10));
        services.AddMenuEntry(new MenuEntry(SuitsMeWizard.StartId, "menu.suits_me", 20));
        services.AddMenuEntry(new MenuEntry(CatalogExplorer.CategoryPrefix + "training", "menu.training", 30));
        services.AddMenuEntry(new MenuEntry(CatalogExplorer.CategoryPrefix + "own_business", "menu.grant", 40));
        services.AddMenuEntry(new MenuEntry(CatalogExplorer.CategoryPrefix + "work", "menu.job", 50));
        return services;
    }
}
