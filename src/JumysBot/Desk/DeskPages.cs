using System.Globalization;
using System.Text;
using JumysBot.Leads.Consultants;
using JumysBot.Leads.FollowUp;
using JumysBot.Leads.Requests;
using JumysBot.Leads;
using JumysBot.Localization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace JumysBot.Desk;

/// <summary>
/// The consultants' pages: their points, a point's requests with filters, one request (details, status buttons,
/// private notes, history) and the CSV export. A status change goes through <see cref="ConsultantDesk.ApplyCardActionAsync"/>,
/// the same step a card button takes, so the card in the chat is edited and the person hears it.
/// </summary>
public sealed class DeskPages(ConsultantDesk consultants, IOptions<LeadOptions> leadOptions, IOptions<DeskOptions> options)
{
    private readonly TimeZoneInfo _zone = TimeZoneInfo.FindSystemTimeZoneById(leadOptions.Value.TimeZone);

    public async Task<IResult> HomeAsync(DeskContext desk, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(desk);
        var points = desk.Viewer.IsAdmin ? [.. desk.Content.Points.Points.Select(p => p.Id)] : desk.Viewer.Points;
        if (!desk.Viewer.IsAdmin && points.Count == 1)
        {
            return await ListAsync(desk, points[0], cancellationToken);
        }

        await desk.AuditAsync("home", pointId: null, cancellationToken);
        var main = new StringBuilder("<ul>\n");
        foreach (var id in points)
        {
            main.Append("<li><a href=\"/desk/p/").Append(Uri.EscapeDataString(id)).Append("\">").Append(DeskHtml.E(PointName(desk, id))).Append("</a></li>\n");
        }

        main.Append("</ul>\n");
        if (desk.Viewer.IsAdmin)
        {
            main.Append("<p><a href=\"/desk/dashboard\">").Append(DeskHtml.E(desk.T("desk.nav_dashboard"))).Append("</a></p>\n");
        }

        return desk.Page(desk.T("desk.points_title"), main.ToString(), address: "/desk");
    }

    public async Task<IResult> ListAsync(DeskContext desk, string pointId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(desk);
        if (desk.Content.Points.FindPoint(pointId) is null || !desk.Viewer.CanWork(pointId))
        {
            await desk.AuditAsync("refused list", pointId: null, cancellationToken);
            return desk.Forbidden();
        }

        var query = desk.Http.Request.Query;
        var filter = new DeskFilter(
            Enum.TryParse<LeadStatus>(query["status"], out var status) && Enum.IsDefined(status) ? status : null,
            Enum.TryParse<LeadKind>(query["kind"], out var kind) && Enum.IsDefined(kind) ? kind : null,
            desk.Content.Points.FindPlace(query["place"]) is { } asked ? asked.Id : null,
            query["overdue"] == "1",
            long.TryParse(query["number"].ToString().Trim().TrimStart('№', '#', ' '), NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : null);
        var rows = (await DeskStore.ListAsync(desk.Tx, pointId, filter, cancellationToken))
            .Where(r => !filter.OverdueOnly || IsOverdue(r, desk.Now))
            .ToList();
        await desk.AuditAsync("list", pointId, cancellationToken);

        var address = $"/desk/p/{Uri.EscapeDataString(pointId)}";
        var main = new StringBuilder();
        main.Append("<p><a href=\"").Append(address).Append("/export\">").Append(DeskHtml.E(desk.T("desk.nav_export"))).Append("</a></p>\n")
            .Append("<form method=\"get\" action=\"").Append(address).Append("\">\n<fieldset>\n<legend>").Append(DeskHtml.E(desk.T("desk.filters"))).Append("</legend>\n");
        Select(main, desk, "status", "desk.filter_status", Enum.GetValues<LeadStatus>().Select(s => (s.ToString(), desk.T("desk.status." + s.ToString().ToLowerInvariant()))), filter.Status?.ToString());
        Select(main, desk, "kind", "desk.filter_kind", Enum.GetValues<LeadKind>().Select(k => (k.ToString(), KindName(desk, k))), filter.Kind?.ToString());
        Select(main, desk, "place", "desk.filter_place", desk.Content.Points.Places.Select(p => (p.Id, p.Name.In(desk.Language))), filter.PlaceId);
        main.Append("<label for=\"f-number\">").Append(DeskHtml.E(desk.T("desk.filter_number"))).Append("</label>\n")
            .Append("<input id=\"f-number\" name=\"number\" inputmode=\"numeric\" autocomplete=\"off\" size=\"10\" value=\"")
            .Append(filter.Number?.ToString(CultureInfo.InvariantCulture) ?? "").Append("\">\n")
            .Append("<label class=\"inline\"><input type=\"checkbox\" name=\"overdue\" value=\"1\"").Append(filter.OverdueOnly ? " checked" : "").Append("> ")
            .Append(DeskHtml.E(desk.T("desk.filter_overdue"))).Append("</label>\n")
            .Append("<button type=\"submit\">").Append(DeskHtml.E(desk.T("desk.apply"))).Append("</button>\n")
            .Append("<a href=\"").Append(address).Append("\">").Append(DeskHtml.E(desk.T("desk.reset"))).Append("</a>\n</fieldset>\n</form>\n");

        main.Append("<p>").Append(DeskHtml.E(rows.Count == 0 ? desk.T("desk.none") : desk.T("desk.count", ("count", rows.Count)))).Append("</p>\n");
        if (rows.Count > 0)
        {
            // Six columns do not fit a phone: the table scrolls sideways in a region the keyboard can reach.
            main.Append("<div class=\"scroll\" role=\"region\" aria-labelledby=\"leads-caption\" tabindex=\"0\">\n<table>\n<caption id=\"leads-caption\">")
                .Append(DeskHtml.E(desk.T("desk.list_title", ("point", PointName(desk, pointId))))).Append("</caption>\n<thead><tr>");
            foreach (var column in new[] { "desk.col_number", "desk.col_kind", "desk.col_place", "desk.col_status", "desk.col_age", "desk.col_due" })
            {
                main.Append("<th scope=\"col\">").Append(DeskHtml.E(desk.T(column))).Append("</th>");
            }

            main.Append("</tr></thead>\n<tbody>\n");
            foreach (var row in rows)
            {
                var place = desk.Content.Points.FindPlace(row.PlaceId)?.Name.In(desk.Language) ?? "";
                main.Append("<tr><th scope=\"row\"><a href=\"/desk/leads/").Append(row.Number.ToString(CultureInfo.InvariantCulture)).Append("\">")
                    .Append(DeskHtml.E(desk.T("desk.lead_link", ("number", row.Number)))).Append("</a></th>")
                    .Append("<td>").Append(DeskHtml.E(What(desk, row.Kind, row.MeasureId))).Append("</td>")
                    .Append("<td>").Append(DeskHtml.E(place)).Append("</td>")
                    .Append("<td>").Append(DeskHtml.E(StatusName(desk, row.Status))).Append("</td>")
                    .Append("<td>").Append(DeskHtml.E(Age(desk, row.CreatedAt))).Append("</td>")
                    .Append("<td>").Append(Due(desk, row)).Append("</td></tr>\n");
            }

            main.Append("</tbody>\n</table>\n</div>\n");
        }

        return desk.Page(desk.T("desk.list_title", ("point", PointName(desk, pointId))), main.ToString(), address: address + desk.Http.Request.QueryString);
    }

    public async Task<IResult> LeadAsync(DeskContext desk, long number, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(desk);
        var lead = await desk.Tx.Leads.FindAsync(number, cancellationToken);
        if (lead is null || !desk.Viewer.CanWork(lead.PointId))
        {
            // The same refusal whether the request exists or not: another point's numbers are not told.
            await desk.AuditAsync($"refused lead {number}", pointId: null, cancellationToken);
            return desk.Forbidden();
        }

        await desk.AuditAsync($"lead {number}", lead.PointId, cancellationToken);
        return await LeadPageAsync(desk, lead, notice: null, cancellationToken);
    }

    public async Task<IResult> ChangeStatusAsync(DeskContext desk, long number, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(desk);
        var form = await desk.Http.Request.ReadFormAsync(cancellationToken);
        var action = form["action"].ToString();
        var lead = await desk.Tx.Leads.FindAsync(number, cancellationToken);
        if (lead is null || !desk.Viewer.CanWork(lead.PointId) || LeadCard.Target(action) is null)
        {
            await desk.AuditAsync($"refused status {number}", pointId: null, cancellationToken);
            return desk.Forbidden();
        }

        string notice;
        if (LeadCard.Actions(lead.Status).Contains(action))
        {
            foreach (var message in await consultants.ApplyCardActionAsync(desk.Tx, lead, action, desk.Viewer.User.FirstName, cancellationToken))
            {
                await desk.Tx.Outbox.AddAsync(message, cancellationToken);
            }

            desk.WroteMessages = true;
            lead = (await desk.Tx.Leads.FindAsync(number, cancellationToken))!;
            notice = desk.T("desk.status_changed", ("status", StatusName(desk, lead.Status)));
        }
        else
        {
            notice = desk.T("desk.already_changed", ("status", StatusName(desk, lead.Status)));
        }

        await desk.AuditAsync($"status {number} {action}", lead.PointId, cancellationToken);
        return await LeadPageAsync(desk, lead, notice, cancellationToken);
    }

    public async Task<IResult> AddNoteAsync(DeskContext desk, long number, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(desk);
        var form = await desk.Http.Request.ReadFormAsync(cancellationToken);
        var text = form["text"].ToString().Trim();
        var lead = await desk.Tx.Leads.FindAsync(number, cancellationToken);
        if (lead is null || !desk.Viewer.CanWork(lead.PointId))
        {
            await desk.AuditAsync($"refused note {number}", pointId: null, cancellationToken);
            return desk.Forbidden();
        }

        if (text.Length == 0)
        {
            return await LeadPageAsync(desk, lead, desk.T("desk.note_empty"), cancellationToken);
        }

        await DeskStore.AddNoteAsync(desk.Tx, number, desk.Viewer.User, text.Length > DeskStore.NoteMaxLength ? text[..DeskStore.NoteMaxLength] : text, cancellationToken);
        await desk.AuditAsync($"note {number}", lead.PointId, cancellationToken);
        return await LeadPageAsync(desk, lead, desk.T("desk.note_saved"), cancellationToken);
    }

    public async Task<IResult> ExportFormAsync(DeskContext desk, string pointId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(desk);
        if (desk.Content.Points.FindPoint(pointId) is null || !desk.Viewer.CanWork(pointId))
        {
            await desk.AuditAsync("refused export", pointId: null, cancellationToken);
            return desk.Forbidden();
        }

        await desk.AuditAsync("export form", pointId, cancellationToken);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(desk.Now, _zone).Date);
        return ExportPage(desk, pointId, today.AddDays(-29), today, notice: null);
    }

    public async Task<IResult> ExportAsync(DeskContext desk, string pointId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(desk);
        if (desk.Content.Points.FindPoint(pointId) is null || !desk.Viewer.CanWork(pointId))
        {
            await desk.AuditAsync("refused export", pointId: null, cancellationToken);
            return desk.Forbidden();
        }

        var form = await desk.Http.Request.ReadFormAsync(cancellationToken);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(desk.Now, _zone).Date);
        if (!DateOnly.TryParseExact(form["from"], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from)
            || !DateOnly.TryParseExact(form["to"], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var to)
            || from > to || to.DayNumber - from.DayNumber >= 366)
        {
            return ExportPage(desk, pointId, today.AddDays(-29), today, desk.T("desk.export_bad_range"));
        }

        var leads = await desk.Tx.Leads.ForPointAsync(pointId, StartOf(from), StartOf(to.AddDays(1)), cancellationToken);
        var range = $"{from:yyyy-MM-dd}..{to:yyyy-MM-dd}";
        await desk.AuditAsync($"export {range}", pointId, cancellationToken);
        var csv = LeadCsv.Write(leads, desk.Content, leadOptions.Value, desk.Language);
        // LeadCsv starts with the byte-order mark as a character; the encoder must not add a second one.
        return Results.File(new UTF8Encoding(false).GetBytes(csv), "text/csv; charset=utf-8", $"leads-{pointId}-{from:yyyy-MM-dd}-{to:yyyy-MM-dd}.csv");
    }

    /// <summary>Open, no first contact yet, and longer than the promised working hours since it came in.</summary>
    public bool IsOverdue(DeskListRow row, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(row);
        return row.FirstContactAt is null && row.Status is LeadStatus.New or LeadStatus.InProgress or LeadStatus.Unreachable
            && WorkingHours.Between(DateTimeOffset.FromUnixTimeMilliseconds(row.CreatedAt), now, _zone) >= TimeSpan.FromHours(options.Value.FirstContactSlaWorkingHours);
    }

    private static IResult ExportPage(DeskContext desk, string pointId, DateOnly from, DateOnly to, string? notice)
    {
        var address = $"/desk/p/{Uri.EscapeDataString(pointId)}";
        var main = new StringBuilder()
            .Append("<p><a href=\"").Append(address).Append("\">").Append(DeskHtml.E(desk.T("desk.back_to_list"))).Append("</a></p>\n")
            .Append("<p>").Append(DeskHtml.E(desk.T("desk.export_intro"))).Append("</p>\n")
            .Append("<form method=\"post\" action=\"").Append(address).Append("/export\">\n")
            .Append("<label for=\"e-from\">").Append(DeskHtml.E(desk.T("desk.export_from"))).Append("</label>\n")
            .Append(CultureInfo.InvariantCulture, $"<input id=\"e-from\" name=\"from\" type=\"date\" required value=\"{from:yyyy-MM-dd}\">\n")
            .Append("<label for=\"e-to\">").Append(DeskHtml.E(desk.T("desk.export_to"))).Append("</label>\n")
            .Append(CultureInfo.InvariantCulture, $"<input id=\"e-to\" name=\"to\" type=\"date\" required value=\"{to:yyyy-MM-dd}\">\n")
            .Append("<div><button type=\"submit\">").Append(DeskHtml.E(desk.T("desk.export_button"))).Append("</button></div>\n</form>\n");
        return desk.Page(desk.T("desk.export_title", ("point", PointName(desk, pointId))), main.ToString(), notice, address + "/export",
            notice is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);
    }

    private async Task<IResult> LeadPageAsync(DeskContext desk, Lead lead, string? notice, CancellationToken cancellationToken)
    {
        var number = lead.Number.ToString(CultureInfo.InvariantCulture);
        var main = new StringBuilder();
        main.Append("<p><a href=\"/desk/p/").Append(Uri.EscapeDataString(lead.PointId)).Append("\">").Append(DeskHtml.E(desk.T("desk.back_to_list"))).Append("</a></p>\n");

        // The card's own lines, as the chat shows them (the cards are in Russian, as the offices work).
        main.Append("<section aria-labelledby=\"details\">\n<h2 id=\"details\">").Append(DeskHtml.E(desk.T("desk.details"))).Append("</h2>\n<ul class=\"lines\" lang=\"ru\">\n");
        foreach (var line in LeadCard.Render(lead, 0, desk.Content, minimal: false).Text.Split('\n'))
        {
            main.Append("<li>").Append(DeskHtml.E(line)).Append("</li>\n");
        }

        main.Append("</ul>\n</section>\n");

        main.Append("<section aria-labelledby=\"actions\">\n<h2 id=\"actions\">").Append(DeskHtml.E(desk.T("desk.actions"))).Append("</h2>\n")
            .Append("<p>").Append(DeskHtml.E(desk.T("desk.col_status"))).Append(": <strong>").Append(DeskHtml.E(StatusName(desk, lead.Status))).Append("</strong></p>\n");
        var actions = LeadCard.Actions(lead.Status);
        if (actions.Count == 0)
        {
            main.Append("<p>").Append(DeskHtml.E(desk.T("desk.no_actions"))).Append("</p>\n");
        }
        else
        {
            main.Append("<form method=\"post\" action=\"/desk/leads/").Append(number).Append("/status\">\n");
            foreach (var action in actions)
            {
                main.Append("<button type=\"submit\" name=\"action\" value=\"").Append(action).Append('"').Append(action == "return" ? " class=\"secondary\"" : "").Append('>')
                    .Append(DeskHtml.E(desk.T("desk.action." + action))).Append("</button>\n");
            }

            main.Append("</form>\n");
        }

        main.Append("</section>\n");

        main.Append("<section aria-labelledby=\"notes\">\n<h2 id=\"notes\">").Append(DeskHtml.E(desk.T("desk.notes"))).Append("</h2>\n")
            .Append("<p class=\"hint\">").Append(DeskHtml.E(desk.T("desk.notes_private"))).Append("</p>\n");
        var notes = await DeskStore.NotesAsync(desk.Tx, lead.Number, cancellationToken);
        if (notes.Count == 0)
        {
            main.Append("<p>").Append(DeskHtml.E(desk.T("desk.no_notes"))).Append("</p>\n");
        }
        else
        {
            main.Append("<ul>\n");
            foreach (var note in notes)
            {
                main.Append("<li><p>").Append(DeskHtml.E(note.Text)).Append("</p><p class=\"hint\">").Append(DeskHtml.E(note.AuthorName)).Append(", ")
                    .Append(DeskHtml.E(When(note.At))).Append("</p></li>\n");
            }

            main.Append("</ul>\n");
        }

        main.Append("<form method=\"post\" action=\"/desk/leads/").Append(number).Append("/notes\">\n")
            .Append("<label for=\"note\">").Append(DeskHtml.E(desk.T("desk.note_label"))).Append("</label>\n")
            .Append("<p class=\"hint\" id=\"note-hint\">").Append(DeskHtml.E(desk.T("desk.note_hint", ("max", DeskStore.NoteMaxLength)))).Append("</p>\n")
            .Append(CultureInfo.InvariantCulture, $"<textarea id=\"note\" name=\"text\" maxlength=\"{DeskStore.NoteMaxLength}\" aria-describedby=\"note-hint\"></textarea>\n")
            .Append("<div><button type=\"submit\">").Append(DeskHtml.E(desk.T("desk.note_add"))).Append("</button></div>\n</form>\n</section>\n");

        main.Append("<section aria-labelledby=\"history\">\n<h2 id=\"history\">").Append(DeskHtml.E(desk.T("desk.history"))).Append("</h2>\n<table>\n<caption>")
            .Append(DeskHtml.E(desk.T("desk.history"))).Append("</caption>\n<thead><tr><th scope=\"col\">").Append(DeskHtml.E(desk.T("desk.col_when")))
            .Append("</th><th scope=\"col\">").Append(DeskHtml.E(desk.T("desk.col_status"))).Append("</th><th scope=\"col\">").Append(DeskHtml.E(desk.T("desk.col_who")))
            .Append("</th></tr></thead>\n<tbody>\n");
        foreach (var entry in await DeskStore.HistoryAsync(desk.Tx, lead.Number, cancellationToken))
        {
            var who = entry.Actor switch
            {
                "person" => desk.T("desk.actor_person"),
                "retention" => desk.T("desk.actor_retention"),
                var name => name,
            };
            main.Append("<tr><td>").Append(DeskHtml.E(When(entry.At))).Append("</td><td>").Append(DeskHtml.E(StatusName(desk, entry.Status)))
                .Append("</td><td>").Append(DeskHtml.E(who)).Append("</td></tr>\n");
        }

        main.Append("</tbody>\n</table>\n</section>\n");
        return desk.Page(desk.T("desk.lead_title", ("number", lead.Number)), main.ToString(), notice, "/desk/leads/" + number);
    }

    private static void Select(StringBuilder html, DeskContext desk, string name, string labelKey, IEnumerable<(string Value, string Label)> options, string? selected)
    {
        html.Append("<label for=\"f-").Append(name).Append("\">").Append(DeskHtml.E(desk.T(labelKey))).Append("</label>\n<select id=\"f-").Append(name)
            .Append("\" name=\"").Append(name).Append("\">\n").Append(DeskHtml.Option("", desk.T("desk.any"), selected is null)).Append('\n');
        foreach (var (value, label) in options)
        {
            html.Append(DeskHtml.Option(value, label, value == selected)).Append('\n');
        }

        html.Append("</select>\n");
    }

    private string Due(DeskContext desk, DeskListRow row) =>
        row.FirstContactAt is not null ? DeskHtml.E(desk.T("desk.contacted_already"))
        : IsOverdue(row, desk.Now) ? $"<span class=\"overdue\">{DeskHtml.E(desk.T("desk.overdue"))}</span>"
        : row.Status is LeadStatus.Done or LeadStatus.Cancelled ? ""
        : DeskHtml.E(desk.T("desk.in_time"));

    private string When(long at) =>
        TimeZoneInfo.ConvertTime(DateTimeOffset.FromUnixTimeMilliseconds(at), _zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private static string Age(DeskContext desk, long createdAt)
    {
        var age = desk.Now - DateTimeOffset.FromUnixTimeMilliseconds(createdAt);
        return age.TotalHours < 1 ? desk.T("desk.age_minutes", ("count", Math.Max(0, (int)age.TotalMinutes)))
            : age.TotalDays < 2 ? desk.T("desk.age_hours", ("count", (int)age.TotalHours))
            : desk.T("desk.age_days", ("count", (int)age.TotalDays));
    }

    public static string StatusName(DeskContext desk, LeadStatus status)
    {
        ArgumentNullException.ThrowIfNull(desk);
        return desk.T("desk.status." + status.ToString().ToLowerInvariant());
    }

    public static string KindName(DeskContext desk, LeadKind kind)
    {
        ArgumentNullException.ThrowIfNull(desk);
        return desk.T($"lead.kind.{LeadTopics.KindKey(kind)}");
    }

    public static string PointName(DeskContext desk, string pointId)
    {
        ArgumentNullException.ThrowIfNull(desk);
        return desk.Content.Points.FindPoint(pointId)?.Name.In(desk.Language) ?? pointId;
    }

    private static string What(DeskContext desk, LeadKind kind, string? measureId) =>
        desk.Content.Measures.Find(measureId ?? "") is { } measure ? $"{KindName(desk, kind)}: {measure.Title.In(desk.Language)}" : KindName(desk, kind);

    private long StartOf(DateOnly day) =>
        new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), _zone.GetUtcOffset(day.ToDateTime(TimeOnly.MinValue))).ToUnixTimeMilliseconds();
}
