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
        services.AddEffectApplier<ArrivalCounter>();
        services.AddUpdateHandler<AnnouncementDesk>();
        services.AddHostedService<AnnouncementReportService>();
        return services;
    }
}
