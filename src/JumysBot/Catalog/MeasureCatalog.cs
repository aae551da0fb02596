using System.Collections.Frozen;
using JumysBot.Content;

namespace JumysBot.Catalog;

/// <summary>The loaded, validated measures with the labels of their categories and audiences.</summary>
public sealed class MeasureCatalog
{
    private readonly FrozenDictionary<string, Measure> _byId;

    public MeasureCatalog(
        IReadOnlyDictionary<MeasureCategory, LocalizedText> categories,
        IReadOnlyDictionary<Audience, LocalizedText> audiences,
        IReadOnlyList<Measure> measures)
    {
        Categories = categories;
        Audiences = audiences;
        Measures = measures;
        _byId = measures.ToFrozenDictionary(m => m.Id, StringComparer.Ordinal);
    }

    public IReadOnlyDictionary<MeasureCategory, LocalizedText> Categories { get; }

    public IReadOnlyDictionary<Audience, LocalizedText> Audiences { get; }

    public IReadOnlyList<Measure> Measures { get; }

    public Measure? Find(string id) => _byId.GetValueOrDefault(id);

    public IEnumerable<Measure> InCategory(MeasureCategory category) => Measures.Where(m => m.Category == category);

    public IEnumerable<Measure> For(Audience audience) => Measures.Where(m => m.Audiences.Contains(audience));
}
