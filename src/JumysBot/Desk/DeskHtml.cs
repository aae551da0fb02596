using System.Text;
using JumysBot.Localization;

namespace JumysBot.Desk;

/// <summary>The frame every desk page shares: landmarks, a skip link, the navigation, and the main region with one h1.</summary>
public static class DeskHtml
{
    /// <summary>Escapes what HTML gives meaning to and nothing else, so «» and Cyrillic stay readable in the source.</summary>
    public static string E(string? text) => string.IsNullOrEmpty(text) ? "" : new StringBuilder(text)
        .Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;").Replace("\"", "&quot;").Replace("'", "&#39;").ToString();

    public static string Document(Language language, TextCatalog texts, string title, string main, DeskViewer? viewer, string? notice = null)
    {
        ArgumentNullException.ThrowIfNull(texts);
        string T(string key) => texts.Get(language, key);
        var page = new StringBuilder();
        page.Append("<!doctype html>\n<html lang=\"").Append(language.ToCode()).Append("\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(E(title)).Append(" — ").Append(E(T("desk.title"))).Append("</title>\n")
            .Append("<link rel=\"stylesheet\" href=\"/desk/assets/desk.css\">\n<script src=\"/desk/assets/desk.js\" defer></script>\n</head>\n<body>\n")
            .Append("<a class=\"skip\" href=\"#main\">").Append(E(T("desk.skip"))).Append("</a>\n<header>\n<p class=\"brand\">").Append(E(T("desk.title"))).Append("</p>\n");
        if (viewer is not null)
        {
            page.Append("<nav aria-label=\"").Append(E(T("desk.nav_label"))).Append("\"><ul>")
                .Append("<li><a href=\"/desk\">").Append(E(T("desk.nav_points"))).Append("</a></li>");
            if (viewer.IsAdmin)
            {
                page.Append("<li><a href=\"/desk/dashboard\">").Append(E(T("desk.nav_dashboard"))).Append("</a></li>");
            }

            page.Append("</ul></nav>\n<p class=\"who\">").Append(E(texts.Get(language, "desk.signed_in", ("name", viewer.User.FirstName)))).Append("</p>\n");
        }

        page.Append("</header>\n<main id=\"main\" tabindex=\"-1\">\n<h1>").Append(E(title)).Append("</h1>\n");
        if (notice is not null)
        {
            page.Append("<p class=\"notice\" role=\"status\" data-focus>").Append(E(notice)).Append("</p>\n");
        }

        return page.Append(main).Append("\n</main>\n</body>\n</html>\n").ToString();
    }

    /// <summary>What a browser gets before the script has sent <c>initData</c>: no data, only the script that asks again.</summary>
    public static string Shell(TextCatalog texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        return "<!doctype html>\n<html lang=\"ru\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
            + "<title>" + E(texts.Get(Language.Russian, "desk.title")) + "</title>\n"
            + "<link rel=\"stylesheet\" href=\"/desk/assets/desk.css\">\n<script src=\"/desk/assets/desk.js\" defer></script>\n</head>\n<body>\n"
            + "<main id=\"main\"><h1>" + E(texts.Get(Language.Russian, "desk.title")) + "</h1>\n"
            + "<p role=\"status\">" + E(texts.Get(Language.Russian, "desk.loading")) + " <span lang=\"kk\">" + E(texts.Get(Language.Kazakh, "desk.loading")) + "</span></p></main>\n"
            + "</body>\n</html>\n";
    }

    public static string Option(string value, string label, bool selected) =>
        $"<option value=\"{E(value)}\"{(selected ? " selected" : "")}>{E(label)}</option>";
}
