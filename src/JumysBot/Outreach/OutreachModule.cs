using JumysBot.Conversations;
using JumysBot.Updates;
using Microsoft.Extensions.DependencyInjection;

namespace JumysBot.Outreach;

public static class OutreachModule
{
    /// <summary>Start links and their counts, subscriptions, the administrators' announcements and their reports.</summary>
    public static IServiceCollection AddOutreach(this IServiceCollection services)
    {
        services.AddConversationPart<SubscriptionScreen>();
        services.AddMenuEntry(new MenuEntry(SubscriptionScreen.Open, "menu.subscription", 70));
        services.AddConversationCommand(new ConversationCommand("subscribe", 55, SubscriptionScreen.Show) { Aliases = ["news"], InMenu = false, InHelp = false });
        services.AddConversationCommand(new ConversationCommand("unsubscribe", 60, context =>
        {
            SubscriptionScreen.Unsubscribe(context);
            MenuScreen.AskAgainOrShow(context);
        }) { Aliases = ["stop"], InMenu = false });
        services.AddEffectApplier<ArrivalCounter>();
        services.AddSingleton<IStartLinks, StartLinkLanding>();
        services.AddUpdateHandler<AnnouncementDesk>();
        services.AddUpdateHandler<PosterDesk>();
        services.AddSingleton<Leads.Reports.IStatsSection, SourcesReport>();
        services.AddHostedService<AnnouncementReportService>();
        return services;
    }
}
