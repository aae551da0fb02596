using JumysBot.Catalog;
using JumysBot.Content;
using JumysBot.Conversations;
using JumysBot.Hosting;
using JumysBot.Storage;
using JumysBot.Updates;
using Microsoft.Extensions.Options;

namespace JumysBot.Leads.Consultants;

/// <summary>Tells the administrators when a consultants' chat is lost (the bot was blocked or removed there).</summary>
public sealed class ConsultantAlerts(ContentStore content, IOptions<BotOptions> botOptions) : IChatChanges
{
    /// <summary>The binding and its queued messages follow the chat to its new id.</summary>
    public Task ChatMovedAsync(StorageTransaction tx, long chatId, long newChatId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tx);
        return tx.Consultants.MoveAsync(chatId, newChatId, cancellationToken);
    }

    public async Task ChatLostAsync(StorageTransaction tx, long chatId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tx);
        if (await tx.Consultants.PointOfAsync(chatId, cancellationToken) is not { } pointId)
        {
            return;
        }

        await tx.Consultants.RevokeAsync(chatId, cancellationToken);
        var point = content.Current.Points.FindPoint(pointId)?.Name.In(LeadCard.ConsultantLanguage) ?? pointId;
        var text = content.Current.Texts.Get(LeadCard.ConsultantLanguage, "consultant.chat_blocked", ("chat", chatId), ("point", point));
        foreach (var admin in botOptions.Value.AdminIds.Where(a => a != chatId))
        {
            await tx.Outbox.AddAsync(new OutgoingMessage { ChatId = admin, Text = text, Priority = MessagePriority.Notification }, cancellationToken);
        }
    }
}
