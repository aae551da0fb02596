using System.Globalization;
using System.Text;
using JumysBot.Leads.FollowUp;
using JumysBot.Leads.Reports;
using JumysBot.Leads;
using JumysBot.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace JumysBot.Desk;

/// <summary>
/// The administrators' dashboard for one week, for one point or all: requests by kind, the funnel, time to first
/// contact against the working-hours norm, ratings, sources, and the last weeks' requests. Each chart has its table.
/// </summary>
public sealed class DeskDashboard(IOptions<LeadOptions> leadOptions, IOptions<DeskOptions> options)
{
    private const int Weeks = 8;
    private static readonly string[] _sources = ["poster", "campaign", "direct"];
    private readonly TimeZoneInfo _zone = TimeZoneInfo.FindSystemTimeZoneById(leadOptions.Value.TimeZone);

    public async Task<IResult> PageAsync(DeskContext desk, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(desk);
        if (!desk.Viewer.IsAdmin)
        {
            await desk.AuditAsync("refused dashboard", pointId: null, cancellationToken);
            return desk.Forbidden();
        }

        var query = desk.Http.Request.Query;
        var pointId = desk.Content.Points.FindPoint(query["point"]) is { } point ? point.Id : null;
        var thisWeek = MondayOf(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(desk.Now, _zone).Date));
        var week = DateOnly.TryParseExact(query["week"], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var asked) && asked <= thisWeek
            ? MondayOf(asked)
            : thisWeek;
        var (from, to) = (StartOf(week), StartOf(week.AddDays(7)));
        await desk.AuditAsync($"dashboard {week:yyyy-MM-dd}", pointId, cancellationToken);

        var main = new StringBuilder();
        main.Append("<form method=\"get\" action=\"/desk/dashboard\">\n<fieldset>\n<legend>").Append(DeskHtml.E(desk.T("desk.dashboard_filters"))).Append("</legend>\n")
            .Append("<label for=\"d-point\">").Append(DeskHtml.E(desk.T("desk.point"))).Append("</label>\n<select id=\"d-point\" name=\"point\">\n")
            .Append(DeskHtml.Option("", desk.T("desk.all_points"), pointId is null)).Append('\n');
        foreach (var p in desk.Content.Points.Points)
        {
            main.Append(DeskHtml.Option(p.Id, p.Name.In(desk.Language), p.Id == pointId)).Append('\n');
        }

        main.Append("</select>\n<label for=\"d-week\">").Append(DeskHtml.E(desk.T("desk.week"))).Append("</label>\n<select id=\"d-week\" name=\"week\">\n");
        for (var i = 0; i < 12; i++)
        {
            var monday = thisWeek.AddDays(-7 * i);
            main.Append(DeskHtml.Option(monday.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), WeekName(desk, monday), monday == week)).Append('\n');
        }

        main.Append("</select>\n<div><button type=\"submit\">").Append(DeskHtml.E(desk.T("desk.apply"))).Append("</button></div>\n</fieldset>\n</form>\n")
            .Append("<p>").Append(DeskHtml.E(WeekName(desk, week))).Append(". ").Append(DeskHtml.E(pointId is null ? desk.T("desk.all_points") : DeskPages.PointName(desk, pointId))).Append(".</p>\n");

        var where = "created_at >= @from AND created_at < @to" + (pointId is null ? "" : " AND point_id = @point");
        var count = desk.T("desk.col_count");
        var what = desk.T("desk.col_what");

        var kinds = (await RowsAsync(desk.Tx, $"SELECT kind, COUNT(*) FROM leads WHERE {where} GROUP BY kind", from, to, pointId, cancellationToken))
            .ToDictionary(r => r[0], r => int.Parse(r[1], CultureInfo.InvariantCulture));
        main.Append(DeskCharts.Figure("chart-kinds", desk.T("desk.chart_kinds"), count, what,
            [.. Enum.GetValues<LeadKind>().Select(k => Bar(DeskPages.KindName(desk, k), kinds.GetValueOrDefault(k.ToString())))]));

        var funnel = (await RowsAsync(desk.Tx,
            $"""
            SELECT (SELECT COUNT(*) FROM funnel_events WHERE name = 'started' AND at >= @from AND at < @to),
                   (SELECT COUNT(*) FROM funnel_events WHERE name = 'consented' AND at >= @from AND at < @to),
                   (SELECT COUNT(*) FROM leads WHERE {where}),
                   (SELECT COUNT(*) FROM leads WHERE {where} AND EXISTS (SELECT 1 FROM lead_history h WHERE h.lead_id = leads.id AND h.status = 'InProgress')),
                   (SELECT COUNT(*) FROM leads WHERE {where} AND first_contact_at IS NOT NULL),
                   (SELECT COUNT(*) FROM leads WHERE {where} AND status = 'Done')
            """, from, to, pointId, cancellationToken))[0].Select(c => int.Parse(c, CultureInfo.InvariantCulture)).ToArray();
        string[] steps = ["started", "consented", "registered", "taken", "reached", "helped"];
        main.Append(DeskCharts.Figure("chart-funnel", desk.T("desk.chart_funnel"), count, what,
            [.. steps.Select((s, i) => Bar(desk.T("desk.funnel_" + s), funnel[i]))], desk.T("desk.funnel_note")));

        var sla = TimeSpan.FromHours(options.Value.FirstContactSlaWorkingHours);
        var contacts = await RowsAsync(desk.Tx, $"SELECT created_at, first_contact_at, status FROM leads WHERE {where}", from, to, pointId, cancellationToken);
        var waits = contacts.Where(r => r[1].Length > 0)
            .Select(r => WorkingHours.Between(DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(r[0], CultureInfo.InvariantCulture)),
                DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(r[1], CultureInfo.InvariantCulture)), _zone))
            .OrderBy(t => t).ToList();
        var waiting = contacts.Count(r => r[1].Length == 0 && r[2] is nameof(LeadStatus.New) or nameof(LeadStatus.InProgress) or nameof(LeadStatus.Unreachable));
        var median = waits.Count == 0 ? null : (double?)TimeSpan.FromTicks(LeadReports.Median([.. waits.Select(w => w.Ticks)])).TotalHours;
        main.Append(DeskCharts.Figure("chart-sla", desk.T("desk.chart_sla", ("hours", options.Value.FirstContactSlaWorkingHours)), count, what,
            [Bar(desk.T("desk.sla_within"), waits.Count(w => w <= sla)), Bar(desk.T("desk.sla_over"), waits.Count(w => w > sla)), Bar(desk.T("desk.sla_waiting"), waiting)],
            median is { } m ? desk.T("desk.sla_median", ("hours", m.ToString("0.#", CultureInfo.InvariantCulture))) : desk.T("desk.sla_no_data")));

        var ratings = (await RowsAsync(desk.Tx, $"SELECT rating, COUNT(*) FROM leads WHERE {where} AND rating IS NOT NULL GROUP BY rating", from, to, pointId, cancellationToken))
            .ToDictionary(r => r[0], r => int.Parse(r[1], CultureInfo.InvariantCulture));
        var rated = ratings.Values.Sum();
        var average = rated == 0 ? null : (double?)ratings.Sum(r => int.Parse(r.Key, CultureInfo.InvariantCulture) * r.Value) / rated;
        main.Append(DeskCharts.Figure("chart-ratings", desk.T("desk.chart_ratings"), count, what,
            [.. Enumerable.Range(1, 5).Select(v => Bar(desk.T("desk.rating", ("value", v)), ratings.GetValueOrDefault(v.ToString(CultureInfo.InvariantCulture))))],
            average is { } a ? desk.T("desk.ratings_average", ("average", a.ToString("0.0", CultureInfo.InvariantCulture))) : null));

        var sources = (await RowsAsync(desk.Tx, $"SELECT COALESCE(source, ''), COALESCE(campaign, '') FROM leads WHERE {where}", from, to, pointId, cancellationToken))
            .Select(r => SourceOf(r[0], r[1])).ToList();
        main.Append(DeskCharts.Figure("chart-sources", desk.T("desk.chart_sources"), count, what,
            [.. _sources.Select(s => Bar(desk.T("desk.source_" + s), sources.Count(x => x == s)))]));

        var firstWeek = week.AddDays(-7 * (Weeks - 1));
        var created = (await RowsAsync(desk.Tx, "SELECT created_at FROM leads WHERE created_at >= @from AND created_at < @to" + (pointId is null ? "" : " AND point_id = @point"),
                StartOf(firstWeek), to, pointId, cancellationToken))
            .Select(r => MondayOf(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(r[0], CultureInfo.InvariantCulture)), _zone).Date)))
            .ToList();
        main.Append(DeskCharts.Figure("chart-weeks", desk.T("desk.chart_weeks"), count, desk.T("desk.week"),
            [.. Enumerable.Range(0, Weeks).Select(i => firstWeek.AddDays(7 * i)).Select(monday => Bar(WeekName(desk, monday), created.Count(c => c == monday)))]));

        return desk.Page(desk.T("desk.dashboard_title"), main.ToString(), address: "/desk/dashboard" + desk.Http.Request.QueryString);
    }

    /// <summary>A start link to a point is its poster; any other link or campaign tag is a campaign; none is direct.</summary>
    public static string SourceOf(string source, string campaign)
    {
        if (Outreach.DeepLink.TryParse(source, out var link) && link.Target == Outreach.DeepLinkTarget.Point)
        {
            return "poster";
        }

        return source.Length > 0 || campaign.Length > 0 ? "campaign" : "direct";
    }

    private static ChartBar Bar(string label, int value) => new(label, value, value.ToString(CultureInfo.InvariantCulture));

    private static string WeekName(DeskContext desk, DateOnly monday) =>
        desk.T("desk.week_range", ("from", monday.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture)), ("to", monday.AddDays(6).ToString("dd.MM.yyyy", CultureInfo.InvariantCulture)));

    private static DateOnly MondayOf(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    private long StartOf(DateOnly day) =>
        new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), _zone.GetUtcOffset(day.ToDateTime(TimeOnly.MinValue))).ToUnixTimeMilliseconds();

    private static async Task<List<string[]>> RowsAsync(StorageTransaction tx, string sql, long from, long to, string? pointId, CancellationToken cancellationToken)
    {
        await using var command = pointId is null
            ? tx.Command(sql, ("@from", from), ("@to", to))
            : tx.Command(sql, ("@from", from), ("@to", to), ("@point", pointId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<string[]>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add([.. Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "" : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture) ?? "")]);
        }

        return rows;
    }
}
