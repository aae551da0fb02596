using JumysBot.Catalog;
using JumysBot.Leads.Points;
using JumysBot.Leads;
using JumysBot.Localization;

namespace JumysBot.Content;

/// <summary>All the content a person reads, loaded and checked together; replaced whole when a file changes.</summary>
public sealed record BotContent(TextCatalog Texts, MeasureCatalog Measures, PointCatalog Points)
{
    public CatalogSearch Search { get; } = new(Measures);

    /// <summary>Loads every content file in <paramref name="folder"/>; one exception lists the problems of all files.</summary>
    public static BotContent Load(string folder)
    {
        TextCatalog? texts = null;
        MeasureCatalog? measures = null;
        PointCatalog? points = null;
        var problems = new List<string>();
        try
        {
            texts = TextCatalogLoader.Load(folder);
        }
        catch (ContentException e)
        {
            problems.Add(e.Message);
        }

        try
        {
            measures = MeasureCatalogLoader.Load(folder);
        }
        catch (ContentException e)
        {
            problems.Add(e.Message);
        }

        try
        {
            points = PointCatalogLoader.Load(folder);
        }
        catch (ContentException e)
        {
            problems.Add(e.Message);
        }

        return problems.Count == 0
            ? new BotContent(texts!, measures!, points!)
            : throw new ContentException(string.Join(Environment.NewLine, problems));
    }
}
