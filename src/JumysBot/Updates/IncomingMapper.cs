using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace JumysBot.Updates;

/// <summary>Turns a Telegram update into what the person did; null for updates that are not a person's action.</summary>
public static class IncomingMapper
{
    public static Incoming? FromUpdate(Update update)
    {
        ArgumentNullException.ThrowIfNull(update);
        if (update.CallbackQuery is { From: { } presser } query)
        {
            return new Incoming
            {
                ChatId = query.Message?.Chat.Id ?? presser.Id,
                UserId = presser.Id,
                LanguageCode = presser.LanguageCode,
                FirstName = presser.FirstName,
                ButtonId = query.Data ?? "",
                IsPrivateChat = query.Message is null || query.Message.Chat.Type == ChatType.Private,
            };
        }

        if (update.Message is not { From: { } sender } message)
        {
            return null;
        }

        return new Incoming
        {
            ChatId = message.Chat.Id,
            UserId = sender.Id,
            LanguageCode = sender.LanguageCode,
            FirstName = sender.FirstName,
            Text = message.Text,
            Contact = message.Contact is { } contact ? new SharedContact(contact.PhoneNumber, contact.UserId) : null,
            Location = message.Location is { } location ? new SharedLocation(location.Latitude, location.Longitude) : null,
            VoiceFileId = message.Voice?.FileId,
            IsUnreadable = message.Text is null && message.Contact is null && message.Location is null && message.Voice is null,
            IsPrivateChat = message.Chat.Type == ChatType.Private,
            ChatTitle = message.Chat.Title,
            IsSupergroup = message.Chat.Type == ChatType.Supergroup,
        };
    }

    /// <summary>The chat an update belongs to, for keeping each chat's updates in order.</summary>
    public static long? ChatIdOf(Update update)
    {
        ArgumentNullException.ThrowIfNull(update);
        return update.Message?.Chat.Id
            ?? update.EditedMessage?.Chat.Id
            ?? update.CallbackQuery?.Message?.Chat.Id
            ?? update.CallbackQuery?.From.Id
            ?? update.MyChatMember?.Chat.Id;
    }
}
