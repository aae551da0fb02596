namespace JumysBot.Updates;

/// <summary>
/// Joins what a turn says to one chat into as few messages as Telegram allows: an acknowledgement («Спасибо.»), a
/// greeting or a notice goes into the next screen's text. Every message is one more thing a screen-reader user
/// listens to, and one more share of the bot's 30 messages a second.
/// </summary>
public static class OneMessagePerStep
{
    /// <summary>Telegram's limit for a message's text.</summary>
    private const int MaxText = 4096;

    /// <summary>
    /// The messages with each plain text joined into the message after it for the same chat. A message stays on its own
    /// when it carries anything but text (a pin, a file, a voice message), edits or deletes an earlier one, is a card or
    /// an announcement, or takes a reply keyboard away before an inline one (a message has one keyboard only).
    /// Messages to other chats keep their order; the person's chat comes first.
    /// </summary>
    public static IReadOnlyList<OutgoingMessage> Merge(IReadOnlyList<OutgoingMessage> messages, long chatId)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var merged = new List<OutgoingMessage>(messages.Count);
        foreach (var message in messages.Where(m => m.ChatId == chatId))
        {
            if (merged.Count > 0 && CanLead(merged[^1]) && CanFollow(message) && !(merged[^1].RemoveKeyboard && message.Buttons is not null)
                && Join(merged[^1], message) is { Text.Length: <= MaxText } joined)
            {
                merged[^1] = joined;
            }
            else
            {
                merged.Add(message);
            }
        }

        merged.AddRange(messages.Where(m => m.ChatId != chatId));
        return merged;
    }

    /// <summary>Plain text that can open the next message.</summary>
    private static bool CanLead(OutgoingMessage m) =>
        m.Buttons is null && IsText(m) && m.Venue is null && !m.Protected;

    private static bool CanFollow(OutgoingMessage m) => IsText(m) && !m.Protected;

    private static bool IsText(OutgoingMessage m) =>
        m is { VoiceFileId: null, Document: null, EditMessageId: null, DeleteMessageId: null, LeadCard: null, AnnouncementId: null, VoiceOfLead: null }
        && m.Priority == MessagePriority.Reply;

    private static OutgoingMessage Join(OutgoingMessage first, OutgoingMessage next)
    {
        var html = first.Html || next.Html;
        return next with
        {
            Text = Body(first, html) + "\n\n" + Body(next, html),
            Html = html,
            RemoveKeyboard = first.RemoveKeyboard || next.RemoveKeyboard,
        };
    }

    private static string Body(OutgoingMessage m, bool html) => html && !m.Html ? TelegramHtml.Escape(m.Text) : m.Text;
}
