using System.Globalization;
using System.Text;
using JumysBot.Catalog;
using JumysBot.Content;

namespace JumysBot.Leads.Consultants;

/// <summary>
/// A point's requests as CSV for reports: UTF-8 with a byte-order mark and semicolons, so Excel set to Russian or
/// Kazakh opens it in columns; every field quoted the RFC 4180 way.
/// </summary>
public static class LeadCsv
{
    public static string Write(IEnumerable<Lead> leads, BotContent content, bool minimal)
    {
        ArgumentNullException.ThrowIfNull(leads);
        ArgumentNullException.ThrowIfNull(content);
        var csv = new StringBuilder("\uFEFF");
        string[] header = minimal
            ? ["Номер", "Создана (UTC)", "Что", "Место", "Статус"]
            : ["Номер", "Создана (UTC)", "Что", "Место", "Статус", "Имя", "Телефон", "Связь", "Язык", "Группа инвалидности", "Комментарий", "Изменил"];
        Row(csv, header);
        foreach (var lead in leads)
        {
            var d = lead.Draft;
            var place = content.Points.FindPlace(d.PlaceId)?.Name.Ru ?? (d.Latitude is { } lat ? $"{lat.ToString(CultureInfo.InvariantCulture)}, {d.Longitude?.ToString(CultureInfo.InvariantCulture)}" : "");
            List<string> row =
            [
                lead.Number.ToString(CultureInfo.InvariantCulture),
                DateTimeOffset.FromUnixTimeMilliseconds(lead.CreatedAt).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
                LeadCard.What(d, content),
                place,
                lead.Status.ToString(),
            ];
            if (!minimal)
            {
                row.AddRange(
                [
                    d.Name ?? "",
                    d.Phone ?? "",
                    (d.ContactMethod ?? ContactMethod.Call).ToString() + (d.ContactTime is { } time ? ", " + time : ""),
                    lead.Language,
                    d.DisabilityGroup is { } group && group != Conversations.DisabilityGroup.NotSaid ? group.ToString() : "",
                    d.Comment ?? (d.VoiceFileId is null ? "" : "(voice)"),
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
