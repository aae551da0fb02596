using System.Globalization;
using System.Text;

namespace JumysBot.Desk;

/// <summary>One bar: its label, its value, and how the value is written.</summary>
public sealed record ChartBar(string Label, double Value, string Shown);

/// <summary>
/// Bar charts drawn on the server as SVG. Each is hidden from screen readers and has a table beside it with the same
/// figures, which is what a screen reader reads; the chart never relies on colour alone (every bar is labelled).
/// </summary>
public static class DeskCharts
{
    private const int Width = 360;
    private const int Row = 44;
    private const int BarHeight = 16;

    public static string Figure(string id, string title, string valueHeader, string labelHeader, IReadOnlyList<ChartBar> bars, string? note = null)
    {
        ArgumentNullException.ThrowIfNull(bars);
        var html = new StringBuilder();
        html.Append("<section aria-labelledby=\"").Append(id).Append("\">\n<h2 id=\"").Append(id).Append("\">").Append(DeskHtml.E(title)).Append("</h2>\n<div class=\"chart\">\n")
            .Append(Svg(bars))
            .Append("<table>\n<caption>").Append(DeskHtml.E(title)).Append("</caption>\n<thead><tr><th scope=\"col\">").Append(DeskHtml.E(labelHeader))
            .Append("</th><th scope=\"col\">").Append(DeskHtml.E(valueHeader)).Append("</th></tr></thead>\n<tbody>\n");
        foreach (var bar in bars)
        {
            html.Append("<tr><th scope=\"row\">").Append(DeskHtml.E(bar.Label)).Append("</th><td>").Append(DeskHtml.E(bar.Shown)).Append("</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n</div>\n");
        if (note is not null)
        {
            html.Append("<p class=\"hint\">").Append(DeskHtml.E(note)).Append("</p>\n");
        }

        return html.Append("</section>\n").ToString();
    }

    /// <summary>Each bar under its label, its value written after it; the longest bar fills the width.</summary>
    public static string Svg(IReadOnlyList<ChartBar> bars)
    {
        ArgumentNullException.ThrowIfNull(bars);
        var height = Math.Max(1, bars.Count) * Row + 8;
        var max = bars.Count == 0 ? 0 : bars.Max(b => b.Value);
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{height}\" viewBox=\"0 0 {Width} {height}\" aria-hidden=\"true\" focusable=\"false\">\n")
            .Append(CultureInfo.InvariantCulture, $"<rect width=\"{Width}\" height=\"{height}\" fill=\"#fff\"/>\n");
        for (var i = 0; i < bars.Count; i++)
        {
            var top = i * Row + 4;
            var length = max <= 0 ? 0 : Math.Round(bars[i].Value / max * (Width - 70), 1);
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"0\" y=\"{top + 14}\" font-size=\"14\" fill=\"#000\">{DeskHtml.E(bars[i].Label)}</text>\n")
                .Append(CultureInfo.InvariantCulture, $"<rect x=\"0\" y=\"{top + 20}\" width=\"{length}\" height=\"{BarHeight}\" fill=\"#0033a0\" stroke=\"#000\"/>\n")
                .Append(CultureInfo.InvariantCulture, $"<text x=\"{length + 6}\" y=\"{top + 33}\" font-size=\"14\" font-weight=\"700\" fill=\"#000\">{DeskHtml.E(bars[i].Shown)}</text>\n");
        }

        return svg.Append("</svg>\n").ToString();
    }
}
