using JumysBot.Conversations;
using JumysBot.Localization;
using JumysBot.Storage;
using Telegram.Bot.Types;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

using Telegram.Bot.Exceptions;

using Telegram.Bot;

namespace JumysBot.Telegram;

/// <summary>
/// Sets the commands menu at start: the person's commands for private chats in Russian and Kazakh (Russian also as the
/// default), and the consultants' commands only in the bound consultant chats.
/// </summary>
public sealed partial class CommandsMenu(
    ITelegramBotClient client,
    ITextSource content,
    BotDatabase database,
    IEnumerable<IConversationCommand> personCommands,
    IEnumerable<GroupChatCommand> groupCommands,
    ILogger<CommandsMenu> logger) : BackgroundService
{
    private readonly string[] _personCommands = [.. personCommands.Where(c => c.InMenu).OrderBy(c => c.Order).Select(c => c.Name)];
    private readonly string[] _consultantCommands = [.. groupCommands.OrderBy(c => c.Order).Select(c => c.Name)];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        for (var attempt = 1; !stoppingToken.IsCancellationRequested; attempt++)
        {
            try
            {
                await SetAsync(stoppingToken);
                return;
            }
            catch (RequestException e)
            {
                LogFailed(e.Message);
                await Task.Delay(TimeSpan.FromSeconds(Math.Min(60, Math.Pow(2, attempt))), stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    public async Task SetAsync(CancellationToken cancellationToken)
    {
        var texts = content.Texts;
        foreach (var language in new[] { Language.Russian, Language.Kazakh })
        {
            await client.SetMyCommands(Commands(texts, language, _personCommands), BotCommandScope.AllPrivateChats(), language.ToCode(), cancellationToken);
        }

        await client.SetMyCommands(Commands(texts, Language.Russian, _personCommands), BotCommandScope.AllPrivateChats(), cancellationToken: cancellationToken);
        IReadOnlyList<(long ChatId, string PointId, string? Title, string Source)> chats;
        await using (var tx = await database.BeginReadAsync(cancellationToken))
        {
            chats = await tx.Consultants.ListAsync(cancellationToken);
        }

        foreach (var chat in chats)
        {
            await client.SetMyCommands(Commands(texts, Language.Russian, _consultantCommands), BotCommandScope.Chat(chat.ChatId), cancellationToken: cancellationToken);
        }
    }

    private static BotCommand[] Commands(TextCatalog texts, Language language, string[] names) =>
        [.. names.Select(name => new BotCommand { Command = name, Description = texts.Get(language, "commands." + name) })];

    [LoggerMessage(Level = LogLevel.Warning, Message = "Setting the commands menu failed ({Message}); retrying")]
    private partial void LogFailed(string message);
}
