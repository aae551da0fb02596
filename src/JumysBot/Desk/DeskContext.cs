using JumysBot.Catalog;
using JumysBot.Content;
using JumysBot.Localization;
using JumysBot.Storage;
using Microsoft.AspNetCore.Http;

namespace JumysBot.Desk;

/// <summary>One desk request after its <c>initData</c> and access were checked: who, in which language, in which transaction.</summary>
public sealed class DeskContext(HttpContext http, DeskViewer viewer, StorageTransaction tx, BotContent content, DateTimeOffset now)
{
    public HttpContext Http { get; } = http;

    public DeskViewer Viewer { get; } = viewer;

    public StorageTransaction Tx { get; } = tx;

    public BotContent Content { get; } = content;

    public DateTimeOffset Now { get; } = now;

    public Language Language { get; } = LanguageCodes.FromTelegram(viewer.User.LanguageCode) ?? Language.Russian;

    public TextCatalog Texts => Content.Texts;

    /// <summary>True when the page committed messages (a status change): the outbox sender is woken after the commit.</summary>
    public bool WroteMessages { get; set; }

    public string T(string key, params ReadOnlySpan<(string, object?)> arguments) => Texts.Get(Language, key, arguments);

    public Task AuditAsync(string action, string? pointId, CancellationToken cancellationToken) =>
        Tx.Audit.AddAsync(Viewer.User.Id, Viewer.User.Id, "desk " + action, pointId, cancellationToken);

    /// <summary>A whole page in the viewer's language; <paramref name="address"/> is where the browser's address bar should point.</summary>
    public IResult Page(string title, string main, string? notice = null, string? address = null, int status = StatusCodes.Status200OK)
    {
        if (address is not null)
        {
            Http.Response.Headers["X-Desk-Address"] = address;
        }

        // Somebody with no role gets no navigation: every link would only refuse them again.
        return Results.Content(DeskHtml.Document(Language, Texts, title, main, Viewer.IsNobody ? null : Viewer, notice), "text/html; charset=utf-8", statusCode: status);
    }

    public IResult Forbidden() => Page(T("desk.forbidden_title"), $"<p>{DeskHtml.E(T("desk.forbidden"))}</p>", status: StatusCodes.Status403Forbidden);
}
