using JumysBot.Catalog;
using JumysBot.Content;
using JumysBot.Localization;
using JumysBot.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;

namespace JumysBot.Desk;

/// <summary>
/// The bot's menu button in a consultant's private chat opens the desk: set at their first visit, taken back when they
/// are refused (no longer in their point's chat). Telegram sets it only in a chat the person has with the bot.
/// </summary>
public sealed partial class DeskMenuButton(ITelegramBotClient bot, BotDatabase database, ContentStore content, IOptions<DeskOptions> options, ILogger<DeskMenuButton> logger)
{
    public async Task OfferAsync(DeskUser user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var language = LanguageCodes.FromTelegram(user.LanguageCode) ?? Language.Russian;
        try
        {
            var button = new MenuButtonWebApp { Text = content.Current.Texts.Get(language, "desk.menu_button"), WebApp = new WebAppInfo(options.Value.DeskUrl!.AbsoluteUri) };
            await bot.SetChatMenuButton(user.Id, button, cancellationToken);
        }
        catch (Exception e) when (e is ApiRequestException or HttpRequestException or TaskCanceledException)
        {
            // No private chat with the bot yet (or Telegram is away): forget it, so the next visit tries again.
            LogMenuButtonFailed(e.Message);
            await using var tx = await database.BeginAsync(CancellationToken.None);
            await DeskStore.ForgetMenuButtonAsync(tx, user.Id, CancellationToken.None);
            await tx.CommitAsync(CancellationToken.None);
        }
    }

    public async Task TakeAwayAsync(long userId, CancellationToken cancellationToken)
    {
        try
        {
            await bot.SetChatMenuButton(userId, new MenuButtonDefault(), cancellationToken);
        }
        catch (Exception e) when (e is ApiRequestException or HttpRequestException or TaskCanceledException)
        {
            LogMenuButtonFailed(e.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The desk's menu button could not be changed: {Reason}")]
    private partial void LogMenuButtonFailed(string reason);
}
