namespace JumysBot.Telegram.Types;

/// <summary>Values for <c>parse_mode</c>. With <see cref="Html"/>, escape <c>&lt;</c>, <c>&gt;</c> and <c>&amp;</c> in every user-supplied string.</summary>
public static class ParseMode
{
    public const string Html = "HTML";

    public const string MarkdownV2 = "MarkdownV2";
}
