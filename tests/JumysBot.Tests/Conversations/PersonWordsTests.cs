using JumysBot.Conversations;

namespace JumysBot.Tests.Conversations;

public class PersonWordsTests
{
    [Fact]
    public void Cutting_at_an_emoji_keeps_it_whole_or_leaves_it_out()
    {
        var text = new string('а', 9) + "😀" + "конец";

        var cut = PersonWords.Cut(text, 10);

        Assert.Equal(new string('а', 9) + "…", cut);
        Assert.DoesNotContain(cut, char.IsSurrogate);
        Assert.Equal(new string('а', 9) + "😀…", PersonWords.Cut(text, 11));
    }

    [Fact]
    public void Words_that_try_to_start_a_line_of_their_own_stay_on_one_line()
    {
        var typed = "Удобно утром\nТелефон: +77000000000\r\n\u202EИмя: Другой\u2028Статус — завершена";

        var line = PersonWords.OnOneLine(typed);

        Assert.Equal("Удобно утром Телефон: +77000000000 Имя: Другой Статус — завершена", line);
    }
}
