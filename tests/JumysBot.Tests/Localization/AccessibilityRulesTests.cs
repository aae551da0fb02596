using System.Globalization;
using System.Text;
using JumysBot.Localization;

namespace JumysBot.Tests.Localization;

/// <summary>
/// Screen readers read every emoji aloud by name: at most one per message, only at its end, never at the start of a
/// label; no decorative symbols; words from the glossary instead of the ones to avoid.
/// </summary>
public sealed class AccessibilityRulesTests
{
    public static TheoryData<string> Files => ["strings.ru.yaml", "strings.kk.yaml"];

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_text_has_at_most_one_emoji_and_only_at_its_end(string file)
    {
        foreach (var (key, text) in TextCatalogLoader.ReadFile(Path.Combine(ContentFolder.Path, file)))
        {
            var emoji = text.EnumerateRunes().Select((rune, index) => (rune, index)).Where(r => IsEmoji(r.rune)).ToList();
            Assert.True(emoji.Count <= 1, $"{file}: '{key}' has {emoji.Count} emoji");
            if (emoji.Count == 1)
            {
                var rest = string.Concat(text.EnumerateRunes().Skip(emoji[0].index + 1).Select(r => r.ToString()));
                Assert.True(rest.All(c => char.IsWhiteSpace(c) || c == '\uFE0F'), $"{file}: '{key}' has an emoji before its end");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void No_text_uses_decorative_symbols_or_ascii_tables(string file)
    {
        foreach (var (key, text) in TextCatalogLoader.ReadFile(Path.Combine(ContentFolder.Path, file)))
        {
            Assert.DoesNotContain("|", text, StringComparison.Ordinal);
            Assert.DoesNotContain("---", text, StringComparison.Ordinal);
            Assert.DoesNotContain(text.Split('\n'), line => line.Length > 0 && "•★☆►▶✔✅*#=~".Contains(line[0], StringComparison.Ordinal));
            _ = key;
        }
    }

    [Fact]
    public void Russian_texts_avoid_the_words_the_glossary_rules_out()
    {
        foreach (var (key, text) in TextCatalogLoader.ReadFile(Path.Combine(ContentFolder.Path, "strings.ru.yaml")))
        {
            var lower = text.ToLower(CultureInfo.GetCultureInfo("ru-RU"));
            Assert.DoesNotMatch(@"(?<![а-я])инвалид(?!ност)", lower);
            Assert.DoesNotContain("ребёнок-инвалид", lower, StringComparison.Ordinal);
            Assert.DoesNotContain("лид", lower.Split(' ', '\n'));
            _ = key;
        }
    }

    [Fact]
    public void Kazakh_texts_avoid_the_words_the_glossary_rules_out()
    {
        foreach (var (key, text) in TextCatalogLoader.ReadFile(Path.Combine(ContentFolder.Path, "strings.kk.yaml")))
        {
            var lower = text.ToLower(CultureInfo.GetCultureInfo("kk-KZ"));
            // «мүгедек» as a noun for a person; «мүгедектігі бар» is the respectful form.
            Assert.DoesNotMatch(@"мүгедек(?!тіг|тік)", lower);
            _ = key;
        }
    }

    /// <summary>Telegram shows a button's label on one line and cuts what does not fit on a phone.</summary>
    [Theory]
    [MemberData(nameof(Files))]
    public void Button_labels_fit_on_a_phone(string file)
    {
        string[] buttons = ["language.name.", "role.", "menu.", "nav.", "catalog.action.", "catalog.by_audience", "suits.group.", "suits.age.", "suits.goal.", "suits.change"];
        string[] notButtons = ["role.question", "role.thanks", "menu.title", "menu.points_soon", "catalog.action.link_hint", "suits.group_question", "suits.age_question", "suits.goal_question"];
        var labels = TextCatalogLoader.ReadFile(Path.Combine(ContentFolder.Path, file))
            .Where(t => buttons.Any(b => t.Key.StartsWith(b, StringComparison.Ordinal)) && !notButtons.Contains(t.Key));

        Assert.All(labels, label => Assert.True(label.Value.Length <= MaxLabel, $"{file}: '{label.Key}' is {label.Value.Length} characters"));
        var catalog = JumysBot.Catalog.MeasureCatalogLoader.Load(ContentFolder.Path);
        Assert.All(catalog.Measures.Select(m => m.Title).Concat(catalog.Categories.Values).Concat(catalog.Audiences.Values),
            title => Assert.True(title.Ru.Length <= MaxLabel && title.Kk.Length <= MaxLabel, $"'{title.Ru}' / '{title.Kk}' is too long for a button"));
    }

    private const int MaxLabel = 30;

    private static bool IsEmoji(Rune rune) =>
        rune.Value is >= 0x1F000 and <= 0x1FAFF or >= 0x2600 and <= 0x27BF or >= 0x2B00 and <= 0x2BFF;
}
