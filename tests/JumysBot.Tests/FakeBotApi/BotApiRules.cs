using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace JumysBot.Tests.FakeBotApi;

/// <summary>The limits the real Bot API enforces on what a bot sends, so the fake refuses what Telegram would.</summary>
internal static partial class BotApiRules
{
    private static readonly HashSet<string> _htmlTags = ["b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "a", "code", "pre", "tg-spoiler", "blockquote"];

    public static string? Check(string method, JsonObject body)
    {
        if (method is "sendMessage" or "editMessageText")
        {
            var text = body["text"]?.GetValue<string>() ?? "";
            string? error = null;
            var visible = string.Equals(body["parse_mode"]?.GetValue<string>(), "HTML", StringComparison.OrdinalIgnoreCase) ? CheckHtml(text, out error) : text;
            if (visible is null)
            {
                return error;
            }

            if (visible.Trim().Length == 0)
            {
                return "message text is empty";
            }

            if (visible.Length > 4096)
            {
                return "message is too long";
            }
        }

        if (body["caption"]?.GetValue<string>() is { Length: > 1024 })
        {
            return "message caption is too long";
        }

        if (method is "sendMessage" or "editMessageText" or "sendDocument" or "sendVoice" or "sendVenue" && body["chat_id"] is null)
        {
            return "chat_id is empty";
        }

        if (body["reply_markup"]?["inline_keyboard"] is JsonArray rows)
        {
            foreach (var button in rows.SelectMany(r => r!.AsArray()))
            {
                if (string.IsNullOrWhiteSpace(button!["text"]?.GetValue<string>()))
                {
                    return "inline keyboard button text is empty";
                }

                var data = button["callback_data"]?.GetValue<string>();
                if (data is not null && Encoding.UTF8.GetByteCount(data) is < 1 or > 64)
                {
                    return "BUTTON_DATA_INVALID";
                }
            }
        }

        return null;
    }

    /// <summary>The text as Telegram would show it, or null with the parse error.</summary>
    private static string? CheckHtml(string html, out string? error)
    {
        error = null;
        var open = new Stack<string>();
        foreach (Match tag in Tag().Matches(html))
        {
            var name = tag.Groups[2].Value.ToLowerInvariant();
            if (!_htmlTags.Contains(name))
            {
                error = $"can't parse entities: unsupported start tag \"{name}\"";
                return null;
            }

            if (tag.Groups[1].Value == "/")
            {
                if (open.Count == 0 || open.Pop() != name)
                {
                    error = $"can't parse entities: unexpected end tag \"{name}\"";
                    return null;
                }
            }
            else
            {
                open.Push(name);
            }
        }

        var visible = Tag().Replace(html, "");
        if (visible.Contains('<', StringComparison.Ordinal) || visible.Contains('>', StringComparison.Ordinal) || BareAmpersand().IsMatch(visible))
        {
            error = "can't parse entities: unescaped <, > or &";
            return null;
        }

        if (open.Count > 0)
        {
            error = $"can't parse entities: tag \"{open.Peek()}\" is not closed";
            return null;
        }

        return System.Net.WebUtility.HtmlDecode(visible);
    }

    [GeneratedRegex(@"<(/?)([a-zA-Z-]+)[^<>]*>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"&(?!(amp|lt|gt|quot|#\d+);)")]
    private static partial Regex BareAmpersand();
}
