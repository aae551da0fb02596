using JumysBot.Updates;
using Telegram.Bot.Types.Enums;

namespace JumysBot.Conversations;

/// <summary>The person blocked the bot: they are marked inactive and nothing more is sent to them.</summary>
public sealed class BotBlocked : IUpdateHandler
{
    public int Order => HandlerOrder.Fallback;

    public async ValueTask<HandlerResult?> HandleAsync(UpdateContext update, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(update);
        if (update.Update.MyChatMember is not { Chat.Type: ChatType.Private, NewChatMember.Status: ChatMemberStatus.Kicked } blocked)
        {
            return null;
        }

        await update.Store.People.MarkInactiveAsync(blocked.Chat.Id, cancellationToken);
        await update.Store.Outbox.DropPendingForChatAsync(blocked.Chat.Id, "blocked by the person", cancellationToken);
        return HandlerResult.Handled;
    }
}
