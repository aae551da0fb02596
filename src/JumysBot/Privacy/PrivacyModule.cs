using JumysBot.Conversations;
using JumysBot.Hosting;
using JumysBot.Updates;
using Microsoft.Extensions.DependencyInjection;

namespace JumysBot.Privacy;

public static class PrivacyModule
{
    /// <summary>/mydata, /forget and the erasure, and the retention job.</summary>
    public static IServiceCollection AddPrivacy(this IServiceCollection services)
    {
        services.AddSection<RetentionOptions>(RetentionOptions.SectionName);
        services.AddConversationPart<ForgetFlow>();
        services.AddConversationCommand(new ConversationCommand("mydata", 50, MyDataScreen.Show));
        services.AddConversationCommand(new ConversationCommand("forget", 70, ForgetFlow.Ask));
        services.AddMenuEntry(new MenuEntry(MainMenu.Prefix + "mydata", "menu.mydata", 80, MyDataScreen.Show));
        services.AddSingleton<PersonEraser>();
        services.AddEffectApplier<ErasureApplier>();
        services.AddSingleton<RetentionJob>();
        services.AddHostedService<RetentionService>();
        return services;
    }
}
