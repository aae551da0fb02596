using System.Collections.Frozen;

namespace JumysBot.Leads.Points;

/// <summary>The places people choose from and the points that serve them.</summary>
public sealed class PointCatalog(IReadOnlyList<Place> places, IReadOnlyList<Point> points)
{
    private readonly FrozenDictionary<string, Point> _points = points.ToFrozenDictionary(p => p.Id, StringComparer.Ordinal);
    private readonly FrozenDictionary<string, Place> _places = places.ToFrozenDictionary(p => p.Id, StringComparer.Ordinal);

    public IReadOnlyList<Place> Places { get; } = places;

    public IReadOnlyList<Point> Points { get; } = points;

    public Point? FindPoint(string? id) => id is null ? null : _points.GetValueOrDefault(id);

    public Place? FindPlace(string? id) => id is null ? null : _places.GetValueOrDefault(id);
}
