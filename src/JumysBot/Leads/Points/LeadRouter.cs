namespace JumysBot.Leads.Points;

/// <summary>
/// Chooses the point a request goes to: for a shared location the nearest point that takes that kind of request;
/// for a chosen place the point that serves it (a JumysTap point before a career centre); otherwise the fallback.
/// A point the person came to through its own start link is kept when it takes that kind of request.
/// </summary>
public static class LeadRouter
{
    public static (Point Point, double? DistanceKm) Route(PointCatalog points, LeadKind kind, string? placeId, GeoPoint? location, string fallbackPointId, string? chosenPointId = null)
    {
        ArgumentNullException.ThrowIfNull(points);
        // What another office handles is taken by every point: its consultant passes it on.
        var candidates = points.Points.Where(p => p.Takes.Contains(kind) || kind == LeadKind.Other).ToList();
        if (candidates.FirstOrDefault(p => p.Id == chosenPointId) is { } chosenPoint)
        {
            return (chosenPoint, null);
        }

        if (location is { } here)
        {
            var nearest = candidates
                .Where(p => p.Location is not null)
                .Select(p => (Point: p, Distance: p.Location!.Value.DistanceKm(here)))
                .OrderBy(p => p.Distance)
                .ThenBy(p => p.Point.Kind)
                .FirstOrDefault();
            if (nearest.Point is not null)
            {
                return (nearest.Point, nearest.Distance);
            }
        }

        var serving = candidates.Where(p => placeId is not null && p.Serves.Contains(placeId)).OrderBy(p => p.Kind).FirstOrDefault();
        var chosen = serving ?? points.FindPoint(fallbackPointId) ?? candidates.FirstOrDefault() ?? points.Points[0];
        return (chosen, null);
    }
}
