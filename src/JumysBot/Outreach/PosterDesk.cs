using JumysBot.Content;
using JumysBot.Conversations;
using JumysBot.Hosting;
using JumysBot.Localization;
using JumysBot.Telegram;
using JumysBot.Updates;
using Microsoft.Extensions.Options;

namespace JumysBot.Outreach;

/// <summary>
/// <c>/poster &lt;pointId&gt;</c> from an administrator, in any chat: the point's QR code (PNG) and its A4 poster (SVG);
/// without an id, the list of ids.
/// </summary>
public sealed class PosterDesk(ContentStore content, IOptions<BotOptions> options, BotIdentity identity) : IUpdateHandler
{
    /// <summary>Before the consultants' desk, which takes every other message of a group chat.</summary>
    public int Order => HandlerOrder.Staff - 10;

    public ValueTask<HandlerResult?> HandleAsync(UpdateContext update, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(update);
        if (update.Input is not { } input || ParsedCommand.Parse(input.Text) is not { Name: "poster" } command || !options.Value.AdminIds.Contains(input.UserId))
        {
            return ValueTask.FromResult<HandlerResult?>(null);
        }

        return ValueTask.FromResult<HandlerResult?>(HandlerResult.Send(Poster(input.ChatId, command.Argument)));
    }

    private List<OutgoingMessage> Poster(long chatId, string argument)
    {
        var current = content.Current;
        var points = string.Join('\n', current.Points.Points.Select(p => $"{p.Id} — {p.Name.Ru}"));
        var pointId = argument.Trim();
        if (pointId.Length == 0)
        {
            return [Say(chatId, T("poster.list", ("example", current.Points.Points[0].Id), ("points", points)))];
        }

        if (current.Points.FindPoint(pointId) is not { } point)
        {
            return [Say(chatId, T("poster.unknown_point", ("id", PersonWords.Cut(pointId, 64)), ("points", points)))];
        }

        if (identity.Username is not { } username)
        {
            return [Say(chatId, T("poster.no_username"))];
        }

        var poster = PosterMaker.Make(point, username, current.Texts);
        return
        [
            new OutgoingMessage
            {
                ChatId = chatId,
                Text = T("poster.caption", ("name_ru", point.Name.Ru), ("name_kk", point.Name.Kk), ("link", poster.Link.AbsoluteUri)),
                Document = DocumentFile.Binary(poster.PngFileName, poster.Png),
            },
            new OutgoingMessage { ChatId = chatId, Text = T("poster.print_caption"), Document = new DocumentFile(poster.SvgFileName, poster.Svg) },
        ];

        string T(string key, params ReadOnlySpan<(string, object?)> arguments) => current.Texts.Get(Language.Russian, key, arguments);
    }

    private static OutgoingMessage Say(long chatId, string text) => new() { ChatId = chatId, Text = text };
}
