namespace StoreShootout;

/// <summary>What handling one update writes: the chat's new state, one message to send, and the inbox row marked handled.</summary>
internal sealed record UpdateWrite(long UpdateId, long ChatId, string Step, string Data, string Screen, string OutboxPayload, long Now);

/// <summary>An update as it is stored on receipt, before it is handled.</summary>
internal sealed record InboxRow(long UpdateId, long ChatId, string Payload, long Now);

/// <summary>
/// The bot's traffic in miniature: updates spread over many chats, with texts of the sizes the bot stores (Russian and
/// Kazakh letters as UTF-8, the conversation's data and last screen as JSON, the outgoing message as JSON).
/// </summary>
internal static class Workload
{
    public const int Chats = 1_000;

    public static long ChatOf(long updateId) => 700_000_000 + (updateId % Chats);

    public static InboxRow Received(long updateId) => new(
        updateId,
        ChatOf(updateId),
        $$$"""{"update_id":{{{updateId}}},"message":{"message_id":{{{updateId % 100_000}}},"from":{"id":{{{ChatOf(updateId)}}},"is_bot":false,"first_name":"Айгерім","language_code":"kk"},"chat":{"id":{{{ChatOf(updateId)}}},"first_name":"Айгерім","type":"private"},"date":1764000000,"text":"Маған жұмыс табуға көмектесіңізші, мен Алматыда тұрамын"}}""",
        1_764_000_000_000 + updateId);

    public static UpdateWrite Handled(long updateId) => new(
        updateId,
        ChatOf(updateId),
        $"u{updateId}",
        $$"""{"flow":"request","kind":"Consultation","measure":"m-{{updateId % 40}}","place":"almaty","language":"ru","group":"II"}""",
        """{"Prompt":"Как с вами удобнее связаться? Выберите способ ниже или напишите номер телефона.","Choices":[{"Text":"Позвонить","Data":"c:call"},{"Text":"Написать в Telegram","Data":"c:tg"},{"Text":"Назад","Data":"back"}]}""",
        $$$"""{"update":{{{updateId}}},"chat_id":{{{ChatOf(updateId)}}},"priority":0,"text":"Спасибо! Консультант центра занятости свяжется с вами в течение одного рабочего дня. Номер вашей заявки — {{{updateId}}}.","reply_markup":{"inline_keyboard":[[{"text":"Мои заявки","callback_data":"my"}],[{"text":"В начало","callback_data":"home"}]]}}""",
        1_764_000_000_000 + updateId);

    /// <summary>The update id an outbox payload was written for (the workload puts it first).</summary>
    public static long UpdateOf(string outboxPayload)
    {
        var start = outboxPayload.IndexOf(':', StringComparison.Ordinal) + 1;
        var end = outboxPayload.IndexOf(',', start);
        return long.Parse(outboxPayload.AsSpan(start, end - start), System.Globalization.CultureInfo.InvariantCulture);
    }
}
