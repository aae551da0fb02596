using JumysBot.Catalog;
using JumysBot.Localization;

namespace JumysBot.Tests.Catalog;

public sealed class MeasureCatalogLoaderTests
{
    private static readonly MeasureCatalog _shipped = MeasureCatalogLoader.Load(Tests.Localization.ContentFolder.Path);

    [Theory]
    [InlineData("vacancies")]
    [InlineData("quota-jobs")]
    [InlineData("special-workplaces")]
    [InlineData("social-workplaces")]
    [InlineData("public-works")]
    [InlineData("youth-practice")]
    [InlineData("first-job")]
    [InlineData("silver-age")]
    [InlineData("altyn-zhas")]
    [InlineData("vocational-training")]
    [InlineData("skills-enbek")]
    [InlineData("digital-professions")]
    [InlineData("short-courses-mothers")]
    [InlineData("bastau-business")]
    [InlineData("job-coach")]
    [InlineData("jumystap-points")]
    [InlineData("invataxi")]
    [InlineData("technical-aids")]
    [InlineData("special-social-services")]
    [InlineData("rehabilitation-centres")]
    [InlineData("inva-portal")]
    public void The_shipped_catalog_has_every_measure_the_region_offers(string id)
    {
        var measure = _shipped.Find(id);

        Assert.NotNull(measure);
        Assert.False(string.IsNullOrWhiteSpace(measure.Title.Kk));
        Assert.False(string.IsNullOrWhiteSpace(measure.Summary.Ru));
        Assert.NotEqual("", measure.Source);
    }

    [Fact]
    public void Every_category_and_audience_has_a_label_and_every_measure_leads_somewhere()
    {
        Assert.Equal(Enum.GetValues<MeasureCategory>().Length, _shipped.Categories.Count);
        Assert.Equal(Enum.GetValues<Audience>().Length, _shipped.Audiences.Count);
        Assert.All(_shipped.Measures, m => Assert.NotEqual(MeasureAction.None, m.Action));
        Assert.All(_shipped.Measures.Where(m => m.Action == MeasureAction.Link), m => Assert.NotNull(m.Link));
    }

    [Fact]
    public void The_grant_is_written_in_mrp_so_the_bot_can_show_tenge_for_the_year()
    {
        var grant = _shipped.Find("bastau-business")!;

        Assert.Contains("{mrp:400}", string.Join(' ', grant.Summary.Ru, grant.WhatYouGet?.Ru), StringComparison.Ordinal);
        Assert.Equal(MeasureAction.RegisterGrant, grant.Action);
    }

    [Fact]
    public void Fields_marked_unverified_are_never_loaded_as_fact()
    {
        var folder = Folder("""
              - id: invataxi
                category: social_help
                audiences: [disability]
                region: national
                goals: [support]
                ages: [under_35]
                title: { ru: Инватакси, kk: Инватакси }
                summary: { ru: Поездки, kk: Сапарлар }
                how_to_apply: { ru: Позвоните по номеру 123, kk: 123 нөміріне қоңырау шалыңыз }
                action: find_point
                source: test
                unverified: [how_to_apply]
            """);

        var measure = MeasureCatalogLoader.Load(folder).Find("invataxi")!;

        Assert.Null(measure.HowToApply);
    }

    [Theory]
    [InlineData("id: Bad_Id", "measure #1 'Bad_Id': the id must be")]
    [InlineData("action: call_me", "'action' is 'call_me', which is not one of none, register_training")]
    [InlineData("category: jobs", "'category' is 'jobs'")]
    [InlineData("title: { ru: Заголовок }", "'title' needs both 'ru' and 'kk'")]
    [InlineData("action: link", "the action is 'link' but there is no link")]
    [InlineData("summary: { ru: '{mrp:x}', kk: ok }", "has an unknown placeholder {mrp:x}")]
    public void A_wrong_entry_is_refused_with_the_file_the_entry_and_the_field(string line, string expected)
    {
        var error = Assert.Throws<ContentException>(() => MeasureCatalogLoader.Load(Folder(WithLine(line))));

        Assert.Contains("measures.yaml", error.Message);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void A_duplicate_id_is_refused()
    {
        var folder = Folder(ValidEntry + "\n" + ValidEntry);

        var error = Assert.Throws<ContentException>(() => MeasureCatalogLoader.Load(folder));

        Assert.Contains("measure #2 'x': the id is used twice", error.Message);
    }

    [Fact]
    public void A_title_longer_than_a_button_label_is_refused()
    {
        var folder = Folder(ValidEntry.Replace("kk: Жұмыс }", "kk: Мүгедектігі бар адамдарға арналған жұмыс }", StringComparison.Ordinal));

        var error = Assert.Throws<ContentException>(() => MeasureCatalogLoader.Load(folder));

        Assert.Contains("title", error.Message, StringComparison.Ordinal);
        Assert.Contains(MeasureCatalogLoader.MaxButtonLabel.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_misspelt_field_is_refused_with_its_line()
    {
        var folder = Folder(ValidEntry.Replace("summary:", "sumary:", StringComparison.Ordinal));

        var error = Assert.Throws<ContentException>(() => MeasureCatalogLoader.Load(folder));

        Assert.Matches(@"measures\.yaml, line \d+", error.Message);
        Assert.Contains("sumary", error.Message);
    }

    private const string ValidEntry = """
          - id: x
            category: work
            audiences: [disability]
            region: national
            goals: [job]
            ages: [under_35]
            title: { ru: Работа, kk: Жұмыс }
            summary: { ru: Кратко, kk: Қысқаша }
            action: register_job
            source: test
        """;

    /// <summary>The valid entry with one line replaced (or added): the field named before the colon.</summary>
    private static string WithLine(string line)
    {
        var field = line[..line.IndexOf(':', StringComparison.Ordinal)];
        var lines = ValidEntry.Split('\n').ToList();
        var index = lines.FindIndex(l => l.TrimStart(' ', '-').StartsWith(field + ":", StringComparison.Ordinal));
        if (index < 0)
        {
            lines.Add("    " + line);
        }
        else
        {
            var original = lines[index];
            lines[index] = original[..(original.Length - original.TrimStart(' ', '-').Length)] + line;
        }

        return string.Join('\n', lines);
    }

    /// <summary>A content folder with the given measures and all labels, as an operator would write it.</summary>
    internal static string Folder(string measures)
    {
        var folder = Directory.CreateTempSubdirectory("jumysbot-measures").FullName;
        File.WriteAllText(Path.Combine(folder, "measures.yaml"), $$"""
            categories:
              work: { ru: Работа, kk: Жұмыс }
              training: { ru: Обучение, kk: Оқу }
              own_business: { ru: Своё дело, kk: Өз ісі }
              support_at_work: { ru: Поддержка, kk: Қолдау }
              social_help: { ru: Соцпомощь, kk: Әлеуметтік көмек }
            audiences:
              disability: { ru: Людям с инвалидностью, kk: Мүгедектігі бар адамдарға }
              carer: { ru: Мамам, kk: Аналарға }
              youth: { ru: Молодёжи, kk: Жастарға }
              senior: { ru: От 50 лет, kk: 50 жастан }
            measures:
            {{measures}}
            """);
        return folder;
    }
}
