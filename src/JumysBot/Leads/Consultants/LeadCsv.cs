using System.Globalization;
using System.Text;
using JumysBot.Catalog;
using JumysBot.Content;
using JumysBot.Conversations;
using JumysBot.Localization;

namespace JumysBot.Leads.Consultants;

/// <summary>
/// A point's requests as CSV for reports: UTF-8 with a byte-order mark and semicolons, so Excel set to Russian or
/// Kazakh opens it in columns; every field quoted the RFC 4180 way.
/// </summary>
public static class LeadCsv
{
    /// <param name="options">Whether the cards are minimal (no personal columns then), and the time zone the times are in.</param>
    /// <param name="language">The reader's language: the consultants' chat's, or the desk's viewer's. The cells say what
    /// the card says, in the same words.</param>
    public static string Write(IEnumerable<Lead> leads, BotContent content, LeadOptions options, Language language = LeadCard.ConsultantLanguage)
    {
        ArgumentNullException.ThrowIfNull(leads);
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(options);
        var minimal = options.MinimalCards;
        var zone = TimeZoneInfo.FindSystemTimeZoneById(options.TimeZone);
        var texts = content.Texts;
        string T(string key) => texts.Get(language, key);
        var csv = new StringBuilder("\uFEFF");
        string[] columns = minimal
            ? ["number", "created", "kind", "place", "status"]
            : ["number", "created", "kind", "place", "status", "name", "phone", "contact", "language", "group", "comment", "changed_by"];
        Row(csv, columns.Select(c => T("csv." + c)));
        foreach (var lead in leads)
        {
            var d = lead.Draft;
            List<string> row =
            [
                lead.Number.ToString(CultureInfo.InvariantCulture),
                TimeZoneInfo.ConvertTime(DateTimeOffset.FromUnixTimeMilliseconds(lead.CreatedAt), zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
                LeadCard.What(d, content, language),
                LeadCard.Place(d, content, language),
                T("card.status." + lead.Status.ToString().ToLowerInvariant()),
            ];
            if (!minimal)
            {
                row.AddRange(
                [
                    d.Name ?? "",
                    d.Phone ?? "",
                    LeadCard.Contact(d, texts, language),
                    T("language.name." + lead.Language),
                    d.DisabilityGroup is { } group && group != DisabilityGroup.NotSaid ? T(SuitsMeWizard.GroupTextKey(group)) : "",
                    d.Comment ?? (d.VoiceFileId is null ? "" : T("csv.voice")),
                    lead.TakenBy ?? "",
                ]);
            }

            Row(csv, row);
        }

        return csv.ToString();
    }

    private static void Row(StringBuilder csv, IEnumerable<string> fields) =>
        csv.Append(string.Join(';', fields.Select(Quote))).Append("\r\n");

    private static string Quote(string field) => "\"" + Neutralised(field).Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>
    /// A cell a spreadsheet would read as a formula (a person's comment <c>=HYPERLINK(…)</c>) gets a leading apostrophe,
    /// which the spreadsheet shows as plain text. Phones start with <c>+</c>, so they are kept as text the same way.
    /// </summary>
    private static string Neutralised(string field) =>
        field.Length > 0 && field[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + field : field;
}
