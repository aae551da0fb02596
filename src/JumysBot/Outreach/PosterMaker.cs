using JumysBot.Catalog;
using JumysBot.Content;
using JumysBot.Leads.Points;
using JumysBot.Leads;
using JumysBot.Localization;
using QRCoder;

namespace JumysBot.Outreach;

/// <summary>Makes a point's poster: the QR code of its start link (<c>p-&lt;pointId&gt;</c>) as a PNG and as an A4 SVG page.</summary>
public static class PosterMaker
{
    /// <summary>About 20 cm wide at <see cref="PrintDotsPerInch"/>: big enough to scan from a few steps away.</summary>
    private const int TargetPixels = 1200;
    private const int PrintDotsPerInch = 150;

    public static PointPoster Make(Point point, string botUsername, TextCatalog texts)
    {
        ArgumentNullException.ThrowIfNull(point);
        ArgumentNullException.ThrowIfNull(texts);
        var link = new DeepLink(DeepLinkTarget.Point, point.Id).Url(botUsername);
        using var generator = new QRCodeGenerator();
        // Q recovers a quarter of the code: a poster on a door gets scratched and dirty.
        using var qr = generator.CreateQrCode(link.AbsoluteUri, QRCodeGenerator.ECCLevel.Q);
        var pixelsPerModule = Math.Max(8, TargetPixels / qr.ModuleMatrix.Count);
        var png = PngChunks.Insert(
            new PngByteQRCode(qr).GetGraphic(pixelsPerModule),
            PngChunks.PrintResolution(PrintDotsPerInch),
            PngChunks.InternationalText("Title", "kk", "Атауы", point.Name.Kk),
            PngChunks.InternationalText("Title", "ru", "Название", point.Name.Ru),
            PngChunks.Text("Description", link.AbsoluteUri),
            PngChunks.Text("Software", "JumysBot"));
        var svg = PosterSvg.Render(qr.ModuleMatrix, Both(texts, "poster.heading"), point.Name, Both(texts, "poster.scan"), link);
        return new PointPoster(point.Id, point.Name, link, png, svg);
    }

    private static LocalizedText Both(TextCatalog texts, string key) => new(texts.Get(Language.Russian, key), texts.Get(Language.Kazakh, key));
}
