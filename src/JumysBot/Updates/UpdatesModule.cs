using JumysBot.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace JumysBot.Updates;

public static class UpdatesModule
{
    /// <summary>
    /// The pipeline that moves updates and messages: the processor and its handler chain, flood control, the outbox
    /// sender. How updates arrive (polling or webhook) and where messages go (Telegram or the terminal)
    /// is chosen by the host, and so are Telegram's sending limits (<see cref="SendRateLimiter"/>), which the terminal does not have.
    /// </summary>
    public static IServiceCollection AddUpdatePipeline(this IServiceCollection services)
    {
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton(sp => new GroupCommit(sp.GetRequiredService<BotDatabase>(), sp.GetRequiredService<OutboxSignal>().Notify,
            sp.GetService<BotMetrics>() is { } metrics ? metrics.ChatLockWait.Record : null,
            sp.GetRequiredService<BotDatabase>().IsShared ? sp.GetRequiredService<IOptions<StorageOptions>>().Value.Writers : 1));
        services.AddSingleton<FloodGate>();
        services.AddUpdateHandler<FloodControl>();
        services.AddSingleton<HandlerChain>();
        services.AddSingleton<StorageFaultNotice>();
        services.AddSingleton<UpdateFaults>();
        services.AddSingleton<UpdateProcessor>();
        services.AddSingleton<OutboxSender>();
        return services;
    }

    /// <summary>Puts a feature's handler in the chain; <see cref="IUpdateHandler.Order"/> decides where.</summary>
    public static IServiceCollection AddUpdateHandler<THandler>(this IServiceCollection services)
        where THandler : class, IUpdateHandler
    {
        services.AddSingleton<THandler>();
        services.AddSingleton<IUpdateHandler>(sp => sp.GetRequiredService<THandler>());
        return services;
    }

    /// <summary>Registers the applier of a feature's effect; the chain finds it by the effect's type.</summary>
    public static IServiceCollection AddEffectApplier<TApplier>(this IServiceCollection services)
        where TApplier : class, IEffectApplier
    {
        services.AddSingleton<IEffectApplier, TApplier>();
        return services;
    }
}
