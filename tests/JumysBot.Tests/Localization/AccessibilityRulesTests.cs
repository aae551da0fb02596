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

    private static bool IsEmoji(Rune rune) =>
        rune.Value is >= 0x1F000 and <= 0x1FAFF or >= 0x2600 and <= 0x27BF or >= 0x2B00 and <= 0x2BFF;
}
