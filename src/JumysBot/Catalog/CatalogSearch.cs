using System.Collections.Frozen;
using JumysBot.Content;

namespace JumysBot.Catalog;

/// <summary>
/// Finds measures by what a person typed, in either language: titles and keywords count most, then summaries,
/// then the rest of the card.
/// </summary>
public sealed class CatalogSearch
{
    private const int TitleWeight = 3;
    private const int SummaryWeight = 2;
    private const int BodyWeight = 1;

    // Words that say nothing about a measure; searched they would match everything.
    private static readonly FrozenSet<string> _stopWords = FrozenSet.ToFrozenSet(
    [
        "для", "как", "что", "это", "мне", "меня", "хочу", "где", "или", "при", "без", "можно", "нужно", "есть", "про",
        "помогите", "пожалуйста", "здравствуйте", "подскажите", "какие", "какой", "кто", "мен", "маган", "ушин", "бар",
        "жане", "кайда", "калай", "керек", "кандай", "туралы", "сиз", "сизге", "бойынша",
    ]);

    private readonly IReadOnlyList<(Measure Measure, (string[] Words, int Weight)[] Fields)> _index;

    public CatalogSearch(MeasureCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        _index = [.. catalog.Measures.Select(m => (m, new[]
        {
            (Words(m.Title.Ru, m.Title.Kk, string.Join(' ', m.Keywords)), TitleWeight),
            (Words(m.Summary.Ru, m.Summary.Kk), SummaryWeight),
            (Words(m.WhatYouGet?.Ru, m.WhatYouGet?.Kk, m.WhoCanApply?.Ru, m.WhoCanApply?.Kk), BodyWeight),
        }))];
    }

    /// <returns>The best matches, best first; empty when nothing fits well enough.</returns>
    public IReadOnlyList<Measure> Find(string? query, int max = 5)
    {
        var words = TextFolding.Words(query).Where(w => w.Length >= 3 && !_stopWords.Contains(w)).Distinct().Take(12).ToList();
        if (words.Count == 0)
        {
            return [];
        }

        return [.. _index
            .Select((entry, order) => (entry.Measure, Score: Score(words, entry.Fields), order))
            .Where(r => r.Score >= SummaryWeight)
            .OrderByDescending(r => r.Score)
            .ThenBy(r => r.order)
            .Take(max)
            .Select(r => r.Measure)];
    }

    private static int Score(List<string> words, (string[] Words, int Weight)[] fields) =>
        words.Sum(word => fields.Where(f => f.Words.Any(known => TextFolding.SameStem(word, known))).Select(f => f.Weight).DefaultIfEmpty(0).Max());

    private static string[] Words(params string?[] texts) =>
        [.. texts.SelectMany(TextFolding.Words).Where(w => w.Length >= 3).Distinct()];
}
