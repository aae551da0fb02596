namespace JumysBot.Updates;

public static class TelegramHtml
{
    /// <summary>
    /// Escapes content and user text for Telegram HTML: only <c>&amp;</c>, <c>&lt;</c> and <c>&gt;</c>, as Telegram asks,
    /// so «quotes» and no-break spaces reach the person as they are.
    /// </summary>
    public static string Escape(string text) =>
        text?.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal) ?? "";
}
