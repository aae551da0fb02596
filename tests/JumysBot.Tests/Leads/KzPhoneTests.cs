using JumysBot.Leads;

namespace JumysBot.Tests.Leads;

public sealed class KzPhoneTests
{
    [Theory]
    [InlineData("87011234567", "+77011234567")]
    [InlineData("+7 701 123 45 67", "+77011234567")]
    [InlineData("8 (701) 123-45-67", "+77011234567")]
    [InlineData("7011234567", "+77011234567")]
    [InlineData("77011234567", "+77011234567")]
    [InlineData("+7 (7212) 41-00-00", "+77212410000")]
    [InlineData("8\u00A0777\u00A0123\u00A045\u00A067", "+77771234567")]
    public void Numbers_written_as_people_write_them_are_stored_as_plus_seven(string typed, string stored)
    {
        Assert.True(KzPhone.TryParse(typed, out var normalized));
        Assert.Equal(stored, normalized);
    }

    [Theory]
    [InlineData("")]
    [InlineData("12345")]
    [InlineData("+7 916 123 45 67")]
    [InlineData("+996 555 123 456")]
    [InlineData("870112345678")]
    [InlineData("8701123456a")]
    [InlineData("позвоните мне")]
    [InlineData("+77011234567; DROP TABLE leads")]
    public void Anything_else_is_not_a_kazakhstan_number(string typed) => Assert.False(KzPhone.TryParse(typed, out _));
}
