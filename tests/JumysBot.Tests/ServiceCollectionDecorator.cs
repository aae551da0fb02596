using Microsoft.Extensions.DependencyInjection;

namespace JumysBot.Tests;

/// <summary>Wraps a registered singleton, so a test can make one part misbehave inside the real composition.</summary>
internal static class ServiceCollectionDecorator
{
    public static IServiceCollection Decorate<TService>(this IServiceCollection services, Func<TService, TService> decorate)
        where TService : class
    {
        var original = services.Last(d => d.ServiceType == typeof(TService));
        services.Remove(original);
        services.AddSingleton(sp => decorate((TService)ActivatorUtilities.GetServiceOrCreateInstance(sp, original.ImplementationType!)));
        return services;
    }
}
