using System.Collections;
using System.Globalization;
using System.Text;
using System.Xml.Linq;
using JumysBot.Catalog;
using JumysBot.Content;

namespace JumysBot.Outreach;

/// <summary>
/// The printable poster: an A4 page in SVG with the heading and the point's name in Kazakh and Russian, the QR code as
/// vector squares (sharp at any size), what to do with it, and the link. SVG keeps the text as text, so any browser
/// prints it with a font that has the Kazakh letters, and a screen reader can read it.
/// </summary>
public static class PosterSvg
{
    private const double PageWidth = 210;
    private const double PageHeight = 297;
    private const double Margin = 15;
    private const double Gap = 6;
    private const double MaxQrSize = 150;
    private const string Fonts = "'DejaVu Sans', 'Noto Sans', Arial, sans-serif";
    private static readonly XNamespace _svg = "http://www.w3.org/2000/svg";

    public static string Render(IReadOnlyList<BitArray> modules, LocalizedText heading, LocalizedText name, LocalizedText scan, Uri link)
    {
        ArgumentNullException.ThrowIfNull(modules);
        ArgumentNullException.ThrowIfNull(heading);
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(scan);
        ArgumentNullException.ThrowIfNull(link);
        Block[] top =
        [
            new(heading.Kk, "kk", 9, Bold: true),
            new(heading.Ru, "ru", 9, Bold: true, SpaceBefore: Gap / 3),
            new(name.Kk, "kk", 6.5, Bold: false, SpaceBefore: Gap),
            new(name.Ru, "ru", 6.5, Bold: false),
        ];
        Block[] bottom =
        [
            new(scan.Kk, "kk", 5, Bold: false),
            new(scan.Ru, "ru", 5, Bold: false, SpaceBefore: Gap / 3),
            new(link.AbsoluteUri, "en", Math.Min(4.5, (PageWidth - (2 * Margin)) / (link.AbsoluteUri.Length * 0.55)), Bold: false, SpaceBefore: Gap / 2),
        ];
        var qrSize = Math.Min(MaxQrSize, PageHeight - (2 * Margin) - (2 * Gap) - top.Sum(b => b.Height) - bottom.Sum(b => b.Height));

        var page = new XElement(_svg + "svg",
            new XAttribute("width", "210mm"),
            new XAttribute("height", "297mm"),
            new XAttribute("viewBox", $"0 0 {Number(PageWidth)} {Number(PageHeight)}"),
            new XAttribute("font-family", Fonts),
            new XAttribute("text-anchor", "middle"),
            new XElement(_svg + "title", $"JumysBot: {name.Kk} / {name.Ru}"),
            new XElement(_svg + "rect", new XAttribute("width", "100%"), new XAttribute("height", "100%"), new XAttribute("fill", "#fff")));
        var y = Margin;
        foreach (var block in top)
        {
            y = block.AddTo(page, y);
        }

        y += Gap;
        page.Add(QrCode(modules, (PageWidth - qrSize) / 2, y, qrSize));
        y += qrSize + Gap;
        foreach (var block in bottom)
        {
            y = block.AddTo(page, y);
        }

        return new XDocument(new XDeclaration("1.0", "utf-8", null), page).Declaration + "\n" + page.ToString(SaveOptions.None) + "\n";
    }

    /// <summary>The dark modules as one path, a rectangle per run of dark modules in a row.</summary>
    private static XElement QrCode(IReadOnlyList<BitArray> modules, double x, double y, double size)
    {
        var count = modules.Count;
        var path = new StringBuilder();
        for (var row = 0; row < count; row++)
        {
            for (var column = 0; column < count;)
            {
                if (!modules[row][column])
                {
                    column++;
                    continue;
                }

                var start = column;
                while (column < count && modules[row][column])
                {
                    column++;
                }

                path.Append(CultureInfo.InvariantCulture, $"M{start} {row}h{column - start}v1h-{column - start}z");
            }
        }

        return new XElement(_svg + "svg",
            new XAttribute("x", Number(x)),
            new XAttribute("y", Number(y)),
            new XAttribute("width", Number(size)),
            new XAttribute("height", Number(size)),
            new XAttribute("viewBox", $"0 0 {count} {count}"),
            new XAttribute("shape-rendering", "crispEdges"),
            new XElement(_svg + "rect", new XAttribute("width", count), new XAttribute("height", count), new XAttribute("fill", "#fff")),
            new XElement(_svg + "path", new XAttribute("fill", "#000"), new XAttribute("d", path.ToString())));
    }

    private static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>A paragraph, centred and wrapped by an estimate of the font's width (SVG does not wrap by itself).</summary>
    private sealed record Block(string Text, string Language, double Size, bool Bold, double SpaceBefore = 0)
    {
        private const double LineSpacing = 1.3;

        private List<string> Lines { get; } = Wrap(Text, (int)((PageWidth - (2 * Margin)) / (Size * (Bold ? 0.66 : 0.6))));

        public double Height => SpaceBefore + (Lines.Count * Size * LineSpacing);

        public double AddTo(XElement page, double y)
        {
            y += SpaceBefore;
            foreach (var line in Lines)
            {
                page.Add(new XElement(_svg + "text",
                    new XAttribute("x", Number(PageWidth / 2)),
                    new XAttribute("y", Number(y + Size)),
                    new XAttribute("font-size", Number(Size)),
                    Bold ? new XAttribute("font-weight", "bold") : null,
                    new XAttribute(XNamespace.Xml + "lang", Language),
                    line));
                y += Size * LineSpacing;
            }

            return y;
        }

        private static List<string> Wrap(string text, int width)
        {
            var lines = new List<string>();
            var line = new StringBuilder();
            foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                if (line.Length > 0 && line.Length + 1 + word.Length > width)
                {
                    lines.Add(line.ToString());
                    line.Clear();
                }

                line.Append(line.Length > 0 ? " " : "").Append(word);
            }

            if (line.Length > 0)
            {
                lines.Add(line.ToString());
            }

            return lines;
        }
    }
}
