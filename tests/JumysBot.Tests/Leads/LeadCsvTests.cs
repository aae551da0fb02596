using JumysBot.Catalog;
using JumysBot.Content;
using JumysBot.Leads.Consultants;
using JumysBot.Leads;
using JumysBot.Tests.Localization;

namespace JumysBot.Tests.Leads;

public class LeadCsvTests
{
    private static readonly BotContent _content = BotContent.Load(ContentFolder.Path);

    [Theory]
    [InlineData("=HYPERLINK(\"http://evil.example\",\"Нажмите\")")]
    [InlineData("+7 (701) 123 45 67")]
    [InlineData("-2+3")]
    [InlineData("@SUM(A1:A9)")]
    [InlineData("\t=1+1")]
    [InlineData("\r=1+1")]
    public void A_cell_a_spreadsheet_would_run_as_a_formula_is_written_as_text(string comment)
    {
        var csv = LeadCsv.Write([Lead(comment)], _content, minimal: false);

        var cells = csv.Split("\r\n")[1].Split("\";\"");
        var cell = cells[10];
        Assert.StartsWith("'", cell, StringComparison.Ordinal);
        Assert.Equal(comment.Replace("\"", "\"\"", StringComparison.Ordinal), cell[1..]);
    }

    [Fact]
    public void Ordinary_words_and_the_phone_are_kept_as_they_are_the_phone_as_text()
    {
        var csv = LeadCsv.Write([Lead("Удобно после обеда")], _content, minimal: false);

        var cells = csv.Split("\r\n")[1].Split("\";\"");
        Assert.Equal("Удобно после обеда", cells[10]);
        Assert.Equal("'+77011234567", cells[6]);
    }

    private static Lead Lead(string comment) => new()
    {
        Number = 1001,
        PersonId = 5,
        PointId = "jumystap-karaganda",
        Language = "ru",
        Draft = new LeadDraft { Kind = LeadKind.Training, Name = "Айгүл", Phone = "+77011234567", Comment = comment },
    };
}
