using JumysBot.Content;
using JumysBot.Catalog;

namespace JumysBot.Tests.Catalog;

public sealed class CatalogSearchTests
{
    private static readonly CatalogSearch _search = Tests.Conversations.TestConversation.Content.Current.Search;

    [Theory]
    [InlineData("грант", "bastau-business")]
    [InlineData("Грант на своё дело", "bastau-business")]
    [InlineData("хочу открыть бизнес", "bastau-business")]
    [InlineData("кәсіп ашу", "bastau-business")]
    [InlineData("касип", "bastau-business")]
    [InlineData("инватакси", "invataxi")]
    [InlineData("квота", "quota-jobs")]
    [InlineData("Skills Enbek", "skills-enbek")]
    [InlineData("наставник", "job-coach")]
    public void Typed_words_find_the_measure_first(string typed, string expected) =>
        Assert.Equal(expected, _search.Find(typed) is [var first, ..] ? first.Id : null);

    [Theory]
    [InlineData("курсы")]
    [InlineData("курс")]
    [InlineData("КУРСЫ!")]
    [InlineData("курстар")]
    public void Courses_in_either_language_offer_the_training_measures(string typed)
    {
        var found = _search.Find(typed).Select(m => m.Id).ToList();

        Assert.Contains("short-courses-mothers", found);
        Assert.All(found.Take(3), id => Assert.Equal(MeasureCategory.Training, Tests.Conversations.TestConversation.Content.Current.Measures.Find(id)!.Category));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("а")]
    [InlineData("как где что")]
    [InlineData("фывапролдж")]
    [InlineData("😀😀😀")]
    public void Noise_finds_nothing(string typed) => Assert.Empty(_search.Find(typed));

    [Fact]
    public void A_ten_thousand_character_text_is_searched_without_trouble()
    {
        var found = _search.Find(string.Concat(Enumerable.Repeat("грант ", 2000)));

        Assert.Equal("bastau-business", found[0].Id);
    }

    [Theory]
    [InlineData("Ёлка", "елка")]
    [InlineData("Кәсіпкерлік", "касипкерлик")]
    [InlineData("Өз ісі, жұмыс!", "оз иси  жумыс ")]
    public void Folding_ignores_case_yo_and_kazakh_letters(string text, string folded) =>
        Assert.Equal(folded, TextFolding.Fold(text));
}
