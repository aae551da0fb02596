using JumysBot.Updates;
using Microsoft.Extensions.DependencyInjection;

namespace JumysBot.Conversations;

public static class ConversationsModule
{
    /// <summary>The person-facing conversation: the router, the start and the main menu, and the handler that runs it.</summary>
    public static IServiceCollection AddConversations(this IServiceCollection services)
    {
        services.AddSingleton<IConversationHandler, ConversationRouter>();
        services.AddSingleton<IChoiceHandler, StartFlow>();
        services.AddSingleton<IChoiceHandler, MainMenu>();
        foreach (var command in CoreCommands.All)
        {
            services.AddConversationCommand(command);
        }

        services.AddMenuEntry(CoreCommands.LanguageEntry);
        services.AddUpdateHandler<PersonConversation>();
        services.AddUpdateHandler<BotBlocked>();
        return services;
    }

    /// <summary>A slash command of the person's conversation; the command menu and /help list it.</summary>
    public static IServiceCollection AddConversationCommand(this IServiceCollection services, IConversationCommand command) =>
        services.AddSingleton(command);

    /// <summary>A button of the main menu.</summary>
    public static IServiceCollection AddMenuEntry(this IServiceCollection services, MenuEntry entry) =>
        services.AddSingleton(entry);

    /// <summary>A part of the conversation that owns buttons (by prefix) and, while the chat is at one of its steps, every input.</summary>
    public static IServiceCollection AddConversationPart<TPart>(this IServiceCollection services)
        where TPart : class
    {
        services.AddSingleton<TPart>();
        if (typeof(IChoiceHandler).IsAssignableFrom(typeof(TPart)))
        {
            services.AddSingleton(sp => (IChoiceHandler)sp.GetRequiredService<TPart>());
        }

        if (typeof(IStepOwner).IsAssignableFrom(typeof(TPart)))
        {
            services.AddSingleton(sp => (IStepOwner)sp.GetRequiredService<TPart>());
        }

        return services;
    }
}
