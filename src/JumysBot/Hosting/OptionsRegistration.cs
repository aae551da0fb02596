using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace JumysBot.Hosting;

public static class OptionsRegistration
{
    /// <summary>
    /// Binds a section to its options, validated at start with messages that name the full key
    /// (<see cref="SectionValidation{TOptions}"/>), and lets <see cref="ConfigurationCheck"/> look its values over.
    /// </summary>
    public static IServiceCollection AddSection<TOptions>(this IServiceCollection services, string section)
        where TOptions : class
    {
        services.AddOptions<TOptions>().BindConfiguration(section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TOptions>>(new SectionValidation<TOptions>(section));
        services.AddSingleton(new ConfiguredSection(section, typeof(TOptions)));
        return services;
    }
}
