using JumysBot.Catalog;
using JumysBot.Content;

namespace JumysBot.Outreach;

/// <summary>
/// A point's poster: <see cref="Png"/> is the QR code of <see cref="Link"/> (the names and the link in its text
/// chunks), <see cref="Svg"/> the A4 page to print, with the names in both languages.
/// </summary>
public sealed record PointPoster(string PointId, LocalizedText Name, Uri Link, ReadOnlyMemory<byte> Png, string Svg)
{
    public string PngFileName => $"poster-{PointId}.png";

    public string SvgFileName => $"poster-{PointId}.svg";
}
