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
        services.AddSingleton<PersonEraser>();
        services.AddEffectApplier<ErasureApplier>();
        services.AddSingleton<RetentionJob>();
        services.AddHostedService<RetentionService>();
        return services;
    }
}
