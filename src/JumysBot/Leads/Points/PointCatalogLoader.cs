using JumysBot.Catalog;
using JumysBot.Content;
using JumysBot.Localization;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace JumysBot.Leads.Points;

/// <summary>Reads <c>points.yaml</c>: unique ids, known places and kinds, coordinates inside Kazakhstan, every place served.</summary>
public static class PointCatalogLoader
{
    public const string FileName = "points.yaml";

    // Kazakhstan lies within these bounds: a point outside is a typo or a same-named town abroad. Other regions can be
    // added by editing the file alone; the tests hold the shipped points to the Karaganda region's tighter bounds.
    private const double MinLatitude = 40.5, MaxLatitude = 55.5, MinLongitude = 46.5, MaxLongitude = 87.5;

    private static readonly IDeserializer _yaml = new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).Build();

    public static PointCatalog Load(string folder)
    {
        var path = Path.Combine(folder, FileName);
        if (!File.Exists(path))
        {
            throw new ContentException($"The content file '{path}' is missing.");
        }

        PointsFile file;
        try
        {
            using var reader = new StreamReader(path);
            file = _yaml.Deserialize<PointsFile?>(reader) ?? new PointsFile();
        }
        catch (YamlException e)
        {
            throw new ContentException($"{FileName}, line {e.Start.Line}, column {e.Start.Column}: {(e.InnerException ?? e).Message}", e);
        }

        var problems = new List<string>();
        var places = file.Places.Select((p, i) => new Place(p.Id, Text(p.Name, $"place #{i + 1} '{p.Id}'", "name", problems)!, Location(p.Latitude, p.Longitude, $"place '{p.Id}'", problems))).ToList();
        var placeIds = places.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        Unique(places.Select(p => p.Id), "place", problems);
        var points = new List<Point>();
        for (var i = 0; i < file.Points.Count; i++)
        {
            var entry = file.Points[i];
            var name = $"point #{i + 1} '{entry.Id}'";
            if (string.IsNullOrWhiteSpace(entry.Id))
            {
                problems.Add($"{name}: the id is missing");
            }

            // «serves:» left empty reads as no list at all.
            entry.Serves ??= [];
            if (entry.Serves.Count == 0)
            {
                problems.Add($"{name}: 'serves' lists no place");
            }

            foreach (var unknown in entry.Serves.Where(s => !placeIds.Contains(s)))
            {
                problems.Add($"{name}: serves '{unknown}', which is not a place in this file");
            }

            points.Add(new Point
            {
                Id = entry.Id,
                Kind = Enum.TryParse<PointKind>(entry.Kind?.Replace("_", "", StringComparison.Ordinal), ignoreCase: true, out var kind) ? kind : Bad<PointKind>(name, "kind", entry.Kind, problems),
                Name = Text(entry.Name, name, "name", problems)!,
                Location = Location(entry.Latitude, entry.Longitude, name, problems),
                Approximate = entry.Approximate,
                Serves = entry.Serves.ToHashSet(StringComparer.Ordinal),
                Takes = entry.Takes.Select(t => Enum.TryParse<LeadKind>(t.Replace("_", "", StringComparison.Ordinal), ignoreCase: true, out var k) ? k : Bad<LeadKind>(name, "takes", t, problems)).ToHashSet(),
                Address = Optional(entry.Address),
                Phone = string.IsNullOrWhiteSpace(entry.Phone) ? null : entry.Phone.Trim(),
                Hours = Optional(entry.Hours),
            });
        }

        Unique(points.Select(p => p.Id), "point", problems);
        // A pin on a town's centre would send a person with a mobility impairment to the middle of a square.
        foreach (var point in points.Where(p => !p.Approximate && p.Location is not null))
        {
            if (places.FirstOrDefault(place => place.Centre is { } centre && centre.DistanceKm(point.Location!.Value) < 0.5) is { } centreOf)
            {
                problems.Add($"point '{point.Id}': its coordinates are the centre of '{centreOf.Id}', not an office; mark it approximate: true, or give the office's own");
            }
        }

        foreach (var place in places.Where(place => !points.Any(p => p.Serves.Contains(place.Id))))
        {
            problems.Add($"place '{place.Id}': no point serves it");
        }

        // A place's name is a button when a person chooses where they live.
        foreach (var place in places.Where(p => p.Name is not null && Math.Max(p.Name.Ru.Length, p.Name.Kk.Length) > Localization.ButtonLabels.MaxLength))
        {
            problems.Add($"place '{place.Id}': its name is a button label, at most {Localization.ButtonLabels.MaxLength} characters in each language");
        }

        return problems.Count == 0
            ? new PointCatalog(places, points)
            : throw new ContentException($"{FileName} has {problems.Count} problem(s):{Environment.NewLine}  " + string.Join(Environment.NewLine + "  ", problems));
    }

    private static GeoPoint? Location(double? latitude, double? longitude, string name, List<string> problems)
    {
        if (latitude is null && longitude is null)
        {
            return null;
        }

        if (latitude is not { } lat || longitude is not { } lon)
        {
            problems.Add($"{name}: give both latitude and longitude, or neither");
            return null;
        }

        if (lat is < MinLatitude or > MaxLatitude || lon is < MinLongitude or > MaxLongitude)
        {
            problems.Add($"{name}: {lat}, {lon} lies outside Kazakhstan ({MinLatitude}–{MaxLatitude}° N, {MinLongitude}–{MaxLongitude}° E)");
        }

        return new GeoPoint(lat, lon);
    }

    private static LocalizedText? Text(PointText? text, string name, string field, List<string> problems)
    {
        if (text is null || string.IsNullOrWhiteSpace(text.Ru) || string.IsNullOrWhiteSpace(text.Kk))
        {
            problems.Add($"{name}: '{field}' needs both 'ru' and 'kk'");
            return new LocalizedText("", "");
        }

        return new LocalizedText(text.Ru.Trim(), text.Kk.Trim());
    }

    /// <summary>An optional text is shown only when both languages are filled.</summary>
    private static LocalizedText? Optional(PointText? text) =>
        text is { Ru: { Length: > 0 } ru, Kk: { Length: > 0 } kk } && !string.IsNullOrWhiteSpace(ru) && !string.IsNullOrWhiteSpace(kk)
            ? new LocalizedText(ru.Trim(), kk.Trim())
            : null;

    private static T Bad<T>(string name, string field, string? value, List<string> problems)
    {
        problems.Add($"{name}: '{field}' has the unknown value '{value}'");
        return default!;
    }

    private static void Unique(IEnumerable<string> ids, string what, List<string> problems) =>
        problems.AddRange(ids.GroupBy(id => id, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => $"the {what} id '{g.Key}' is used twice"));
}

#pragma warning disable CA1002, CA2227, SA1402 // YamlDotNet fills these settable lists; the file's shape is kept together.
internal sealed class PointsFile
{
    public List<PlaceEntry> Places { get; set; } = [];

    public List<PointEntry> Points { get; set; } = [];
}

internal sealed class PlaceEntry
{
    public string Id { get; set; } = "";

    public PointText? Name { get; set; }

    public double? Latitude { get; set; }

    public double? Longitude { get; set; }
}

internal sealed class PointEntry
{
    public string Id { get; set; } = "";

    public string? Kind { get; set; }

    public PointText? Name { get; set; }

    public double? Latitude { get; set; }

    public double? Longitude { get; set; }

    public bool Approximate { get; set; }

    public List<string> Serves { get; set; } = [];

    public List<string> Takes { get; set; } = [];

    public PointText? Address { get; set; }

    public string? Phone { get; set; }

    public PointText? Hours { get; set; }
}

internal sealed class PointText
{
    public string? Ru { get; set; }

    public string? Kk { get; set; }
}
