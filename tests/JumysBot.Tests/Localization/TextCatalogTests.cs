using JumysBot.Localization;

namespace JumysBot.Tests.Localization;

public sealed class TextCatalogTests
{
    [Fact]
    public void The_shipped_strings_have_the_same_keys_and_placeholders_in_both_languages()
    {
        var russian = TextCatalogLoader.ReadFile(System.IO.Path.Combine(ContentFolder.Path, "strings.ru.yaml"));
        var kazakh = TextCatalogLoader.ReadFile(System.IO.Path.Combine(ContentFolder.Path, "strings.kk.yaml"));

        Assert.Empty(TextCatalogLoader.FindProblems(russian, kazakh));
        Assert.True(russian.Count > 30);
    }

    [Fact]
    public void A_key_missing_in_one_language_is_reported()
    {
        var problems = TextCatalogLoader.FindProblems(
            new Dictionary<string, string> { ["a"] = "А", ["b"] = "Б" },
            new Dictionary<string, string> { ["a"] = "Ә" });

        Assert.Equal(["'b' is missing in strings.kk.yaml"], problems);
    }

    [Fact]
    public void Placeholders_that_differ_are_reported()
    {
        var problems = TextCatalogLoader.FindProblems(
            new Dictionary<string, string> { ["x"] = "Заявка № {number} для {name}" },
            new Dictionary<string, string> { ["x"] = "№ {number} өтінім" });

        Assert.Single(problems);
        Assert.Contains("'x' has placeholders", problems[0]);
    }

    [Fact]
    public void A_broken_file_stops_the_start_with_a_message_that_names_it()
    {
        var folder = Directory.CreateTempSubdirectory("jumysbot-content").FullName;
        File.WriteAllText(System.IO.Path.Combine(folder, "strings.ru.yaml"), "a: [unclosed");
        File.WriteAllText(System.IO.Path.Combine(folder, "strings.kk.yaml"), "a: ok");

        var error = Assert.Throws<ContentException>(() => TextCatalogLoader.Load(folder));

        Assert.Contains("strings.ru.yaml", error.Message);
    }

    [Fact]
    public void Placeholders_are_filled_by_name_in_the_persons_language()
    {
        var catalog = new TextCatalog(
            new Dictionary<string, string> { ["done"] = "Ваша заявка № {number} принята." },
            new Dictionary<string, string> { ["done"] = "№ {number} өтініміңіз қабылданды." });

        Assert.Equal("№ 42 өтініміңіз қабылданды.", catalog.Get(Language.Kazakh, "done", ("number", 42)));
        Assert.Equal("Ваша заявка № 42 принята.", catalog.Get(Language.Russian, "done", ("number", 42)));
    }

    [Theory]
    [InlineData("kk", Language.Kazakh)]
    [InlineData("kk-KZ", Language.Kazakh)]
    [InlineData("ru", Language.Russian)]
    [InlineData("ru-RU", Language.Russian)]
    [InlineData("en", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void Telegram_language_codes_map_to_the_bots_languages(string? code, Language? expected) =>
        Assert.Equal(expected, LanguageCodes.FromTelegram(code));
}
