using JumysBot.Catalog;
using JumysBot.Content;
using JumysBot.Localization;
using JumysBot.Storage;
using JumysBot.Telegram;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types.ReplyMarkups;

namespace JumysBot.Desk;

/// <summary>
/// Tells each consultants' chat once that the desk is there, with a button that opens it. Telegram allows a
/// <c>web_app</c> button only in a private chat, so the group's button is a link to the bot's main Mini App
/// (<c>t.me/&lt;bot&gt;?startapp</c>, which @BotFather points at <see cref="DeskOptions.DeskUrl"/>). A chat approved later
/// is told at the next round; a new address is told again.
/// </summary>
public sealed partial class DeskInvitations(
    ITelegramBotClient bot,
    BotDatabase database,
    BotIdentity identity,
    ContentStore content,
    IOptions<DeskOptions> options,
    TimeProvider time,
    ILogger<DeskInvitations> logger) : BackgroundService
{
    private static readonly TimeSpan _round = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.DeskUrl is not { } url)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (identity.Username is { } username)
                {
                    await InviteAsync(url.AbsoluteUri, username, stoppingToken);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogRoundFailed(e.Message);
            }

            await Task.Delay(identity.Username is null ? TimeSpan.FromSeconds(2) : _round, time, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    public async Task InviteAsync(string deskUrl, string username, CancellationToken cancellationToken)
    {
        IReadOnlyList<(long ChatId, string PointId, string? Title, string Source)> chats;
        await using (var read = await database.BeginReadAsync(cancellationToken))
        {
            chats = await read.Consultants.ListAsync(cancellationToken);
        }

        var texts = content.Current.Texts;
        foreach (var (chatId, _, _, _) in chats)
        {
            await using (var tx = await database.BeginAsync(cancellationToken))
            {
                if (!await DeskStore.ClaimInvitationAsync(tx, chatId, deskUrl, cancellationToken))
                {
                    continue;
                }

                await tx.CommitAsync(cancellationToken);
            }

            try
            {
                var button = InlineKeyboardButton.WithUrl(texts.Get(Language.Russian, "desk.open_button"), $"https://t.me/{username}?startapp=desk");
                await bot.SendMessage(
                    chatId,
                    texts.Get(Language.Russian, "desk.invitation") + "\n\n" + texts.Get(Language.Kazakh, "desk.invitation"),
                    replyMarkup: new InlineKeyboardMarkup(button),
                    cancellationToken: cancellationToken);
            }
            catch (Exception e) when (e is ApiRequestException or HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                LogInvitationFailed(chatId, e.Message);
                await using var undo = await database.BeginAsync(CancellationToken.None);
                await DeskStore.ReleaseInvitationAsync(undo, chatId, CancellationToken.None);
                await undo.CommitAsync(CancellationToken.None);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The desk's button could not be sent to chat {ChatId}: {Reason}; it is tried again later")]
    private partial void LogInvitationFailed(long chatId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Inviting the consultants' chats to the desk failed: {Reason}")]
    private partial void LogRoundFailed(string reason);
}
