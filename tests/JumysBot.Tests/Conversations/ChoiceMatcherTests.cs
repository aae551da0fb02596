using JumysBot.Conversations;
using JumysBot.Updates;

namespace JumysBot.Tests.Conversations;

public sealed class ChoiceMatcherTests
{
    private static readonly Choice[] _menu =
    [
        new("m:measures", "Меры поддержки"),
        new("m:training", "Обучение и курсы"),
        new("m:grant", "Грант на своё дело"),
        new("m:mydata", "Мои данные"),
    ];

    [Theory]
    [InlineData("1", "m:measures")]
    [InlineData(" 3 ", "m:grant")]
    [InlineData("Мои данные", "m:mydata")]
    [InlineData("мои  данные!", "m:mydata")]
    [InlineData("грант на свое дело", "m:grant")]
    [InlineData("курсы", "m:training")]
    public void Typed_numbers_and_words_find_their_button(string typed, string expected) =>
        Assert.Equal(expected, ChoiceMatcher.Match(typed, _menu)?.Id);

    [Theory]
    [InlineData("0")]
    [InlineData("5")]
    [InlineData("99999999999999999999")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("да")]
    [InlineData("привет")]
    public void Anything_else_matches_nothing(string typed) => Assert.Null(ChoiceMatcher.Match(typed, _menu));

    [Fact]
    public void A_part_shared_by_two_labels_is_not_guessed()
    {
        Choice[] choices = [new("a", "Курсы шитья"), new("b", "Курсы сварщиков")];

        Assert.Null(ChoiceMatcher.Match("курсы", choices));
        Assert.Equal("b", ChoiceMatcher.Match("сварщиков", choices)?.Id);
    }
}
