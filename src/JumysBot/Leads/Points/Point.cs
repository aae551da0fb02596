using JumysBot.Catalog;
using JumysBot.Content;

namespace JumysBot.Leads.Points;

/// <summary>A JumysTap consultation point or a career centre. Address, phone and hours are shown only when filled.</summary>
public sealed record Point
{
    public required string Id { get; init; }

    public required PointKind Kind { get; init; }

    public required LocalizedText Name { get; init; }

    public GeoPoint? Location { get; init; }

    /// <summary>
    /// The coordinates are the town's centre, not the office: no pin is sent (a person may travel by it), distances are to
    /// the town's centre, and the consultant tells the address.
    /// </summary>
    public bool Approximate { get; init; }

    public required IReadOnlySet<string> Serves { get; init; }

    public required IReadOnlySet<LeadKind> Takes { get; init; }

    public LocalizedText? Address { get; init; }

    public string? Phone { get; init; }

    public LocalizedText? Hours { get; init; }
}

public enum PointKind
{
    Jumystap,
    CareerCentre,
}

/// <summary>A city or district a person can choose instead of sharing their location.</summary>
public sealed record Place(string Id, LocalizedText Name, GeoPoint? Centre);

public readonly record struct GeoPoint(double Latitude, double Longitude)
{
    private const double EarthRadiusKm = 6371.0;

    /// <summary>The great-circle distance in kilometres (haversine).</summary>
    public double DistanceKm(GeoPoint other)
    {
        static double Radians(double degrees) => degrees * Math.PI / 180;
        var dLat = Radians(other.Latitude - Latitude);
        var dLon = Radians(other.Longitude - Longitude);
        var a = Math.Pow(Math.Sin(dLat / 2), 2) + (Math.Cos(Radians(Latitude)) * Math.Cos(Radians(other.Latitude)) * Math.Pow(Math.Sin(dLon / 2), 2));
        return 2 * EarthRadiusKm * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }
}
