using JumysBot.Conversations;
using JumysBot.Hosting;
using JumysBot.Leads.Consultants;
using JumysBot.Leads.FollowUp;
using JumysBot.Leads.Points;
using JumysBot.Leads.Reports;
using JumysBot.Leads.Requests;
using JumysBot.Telegram;
using JumysBot.Updates;
using Microsoft.Extensions.DependencyInjection;

namespace JumysBot.Leads;

public static class LeadsModule
{
    /// <summary>Requests: the request flow, finding a point, registering and routing, the person's follow-up, reminders.</summary>
    public static IServiceCollection AddLeads(this IServiceCollection services)
    {
        services.AddSection<LeadOptions>(LeadOptions.SectionName);
        services.AddConversationPart<PointFinder>();
        services.AddMenuEntry(new MenuEntry(MainMenu.Points, "menu.points", 60, PointFinder.Ask));
        services.AddConversationPart<LeadConversation>();
        services.AddSingleton<IProfileLoader, PersonRequestsLoader>();
        services.AddConversationPart<LeadFeedback>();
        services.AddSingleton<LeadDesk>();
        services.AddSingleton<LeadFeedbackDesk>();
        services.AddSingleton<LeadReports>();
        services.AddEffectApplier<RequestRegistration>();
        services.AddEffectApplier<FunnelCounter>();
        services.AddEffectApplier<FeedbackApplier>();
        services.AddSingleton<LeadFollowUp>();
        services.AddHostedService<LeadFollowUpService>();
        return services;
    }

    /// <summary>The consultants' side: bound chats, lead cards and their buttons, commands, alerts when a chat is lost.</summary>
    public static IServiceCollection AddConsultants(this IServiceCollection services)
    {
        services.AddOptions<List<ConsultantBinding>>().BindConfiguration("Consultants").ValidateOnStart();
        services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<List<ConsultantBinding>>, ConsultantBindingsValidation>();
        services.AddUpdateHandler<ConsultantDesk>();
        services.AddSingleton<ConsultantAlerts>();
        services.AddSingleton(new GroupChatCommand("leads", 10));
        services.AddSingleton(new GroupChatCommand("export", 20));
        services.AddSingleton(new GroupChatCommand("language", 30));
        services.AddSingleton<IChatChanges>(sp => sp.GetRequiredService<ConsultantAlerts>());
        return services;
    }
}
