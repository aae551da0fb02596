using JumysBot.Catalog;
using JumysBot.Content;
using JumysBot.Conversations;
using JumysBot.Localization;
using JumysBot.Storage;
using JumysBot.Telegram;
using JumysBot.Updates;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace JumysBot.Desk;

/// <summary>
/// What every desk request goes through: the signed <c>initData</c> (401 without a good one), who the user is to the
/// desk (403 and no data for anybody else), the page in one transaction with its audit entry, and the menu button.
/// A page opened without <c>initData</c> (a plain navigation) gets only the shell, whose script asks again with it.
/// </summary>
public sealed partial class DeskPipeline(
    BotDatabase database,
    DeskAccess access,
    DeskMenuButton menuButton,
    ContentStore content,
    OutboxSignal outboxSignal,
    IOptions<DeskOptions> options,
    IOptions<TelegramOptions> telegram,
    TimeProvider time,
    ILogger<DeskPipeline> logger)
{
    public async Task<IResult> RunAsync(HttpContext http, Func<DeskContext, CancellationToken, Task<IResult>> page)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(page);
        var cancellationToken = http.RequestAborted;
        Secure(http.Response);
        var initData = http.Request.Headers[InitData.Header].ToString();
        if (initData.Length == 0 && http.Request.HasFormContentType)
        {
            initData = (await http.Request.ReadFormAsync(cancellationToken))[InitData.FormField].ToString();
        }

        var texts = content.Current.Texts;
        if (initData.Length == 0 && HttpMethods.IsGet(http.Request.Method))
        {
            return Results.Content(DeskHtml.Shell(texts), "text/html; charset=utf-8");
        }

        var now = time.GetUtcNow();
        var (user, problem) = InitData.Validate(initData, telegram.Value.BotToken!, now, TimeSpan.FromMinutes(options.Value.InitDataMaxAgeMinutes));
        if (user is null)
        {
            LogRefusedInitData(problem);
            return Unauthorized(texts);
        }

        var viewer = await access.ResolveAsync(user, cancellationToken);
        IResult result;
        bool firstVisit;
        bool lostAccess;
        await using (var tx = await database.BeginAsync(cancellationToken))
        {
            var context = new DeskContext(http, viewer, tx, content.Current, now);
            if (viewer.IsNobody)
            {
                await context.AuditAsync("refused " + http.Request.Path.Value, pointId: null, cancellationToken);
                lostAccess = await DeskStore.ForgetMenuButtonAsync(tx, user.Id, cancellationToken);
                firstVisit = false;
                result = context.Forbidden();
            }
            else
            {
                result = await page(context, cancellationToken);
                firstVisit = await DeskStore.RememberMenuButtonAsync(tx, user.Id, cancellationToken);
                lostAccess = false;
            }

            await tx.CommitAsync(cancellationToken);
            if (context.WroteMessages)
            {
                outboxSignal.Notify();
            }
        }

        if (firstVisit)
        {
            await menuButton.OfferAsync(user, cancellationToken);
        }
        else if (lostAccess)
        {
            await menuButton.TakeAwayAsync(user.Id, cancellationToken);
        }

        return result;
    }

    private static IResult Unauthorized(TextCatalog texts)
    {
        var main = $"<p>{DeskHtml.E(texts.Get(Language.Russian, "desk.unauthorized"))}</p>\n<p lang=\"kk\">{DeskHtml.E(texts.Get(Language.Kazakh, "desk.unauthorized"))}</p>";
        return Results.Content(DeskHtml.Document(Language.Russian, texts, texts.Get(Language.Russian, "desk.unauthorized_title"), main, viewer: null),
            "text/html; charset=utf-8", statusCode: StatusCodes.Status401Unauthorized);
    }

    /// <summary>Nothing cached, nothing from elsewhere, and framed only by Telegram's web client.</summary>
    public static void Secure(HttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Headers.CacheControl = "no-store";
        response.Headers["X-Content-Type-Options"] = "nosniff";
        response.Headers["Referrer-Policy"] = "no-referrer";
        response.Headers.ContentSecurityPolicy =
            "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; "
            + "frame-ancestors 'self' https://web.telegram.org https://*.telegram.org";
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "A desk request was refused: its initData is {Problem}")]
    private partial void LogRefusedInitData(InitDataProblem problem);
}
