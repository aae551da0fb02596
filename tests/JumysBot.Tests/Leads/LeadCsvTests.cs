using JumysBot.Catalog;
using JumysBot.Content;
using JumysBot.Leads.Consultants;
using JumysBot.Leads;
using JumysBot.Localization;
using JumysBot.Tests.Localization;

namespace JumysBot.Tests.Leads;

public class LeadCsvTests
{
    private static readonly BotContent _content = BotContent.Load(ContentFolder.Path);
    private static readonly LeadOptions _options = new() { TimeZone = "Asia/Almaty" };

    [Theory]
    [InlineData("=HYPERLINK(\"http://evil.example\",\"Нажмите\")")]
    [InlineData("+7 (701) 123 45 67")]
    [InlineData("-2+3")]
    [InlineData("@SUM(A1:A9)")]
    [InlineData("\t=1+1")]
    [InlineData("\r=1+1")]
    public void A_cell_a_spreadsheet_would_run_as_a_formula_is_written_as_text(string comment)
    {
        var csv = LeadCsv.Write([Lead(comment)], _content, _options);

        var cells = csv.Split("\r\n")[1].Split("\";\"");
        var cell = cells[10];
        Assert.StartsWith("'", cell, StringComparison.Ordinal);
        Assert.Equal(comment.Replace("\"", "\"\"", StringComparison.Ordinal), cell[1..]);
    }

    [Fact]
    public void Ordinary_words_and_the_phone_are_kept_as_they_are_the_phone_as_text()
    {
        var csv = LeadCsv.Write([Lead("Удобно после обеда")], _content, _options);

        var cells = csv.Split("\r\n")[1].Split("\";\"");
        Assert.Equal("Удобно после обеда", cells[10]);
        Assert.Equal("'+77011234567", cells[6]);
    }

    [Fact]
    public void The_cells_say_what_the_card_says_in_the_readers_language()
    {
        var lead = Lead("") with { Status = LeadStatus.InProgress, Draft = Lead("").Draft with { Comment = null, VoiceFileId = "voice-1", ContactMethod = ContactMethod.Telegram } };

        var russian = LeadCsv.Write([lead], _content, _options).Split("\r\n");
        var kazakh = LeadCsv.Write([lead], _content, _options, Language.Kazakh).Split("\r\n");

        Assert.StartsWith("\uFEFF\"Номер\";\"Создана\"", russian[0], StringComparison.Ordinal);
        Assert.StartsWith("\uFEFF\"Нөмірі\";", kazakh[0], StringComparison.Ordinal);
        var ru = russian[1].Split("\";\"");
        var kk = kazakh[1].Split("\";\"");
        // The time a consultant in Kazakhstan reads on the clock (UTC+5), not UTC.
        Assert.Equal("2026-12-01 19:05", ru[1]);
        Assert.Equal(["в работе", "только сообщения в Telegram, не звонить", "Русский", "(голосовое сообщение)"], [ru[4], ru[7], ru[8], ru[10]]);
        Assert.Equal(["қаралуда", "тек Telegram-дағы хабарлама, қоңырау шалмаңыз", "(дауыстық хабарлама)"], [kk[4], kk[7], kk[10]]);
        Assert.DoesNotContain("InProgress", russian[1], StringComparison.Ordinal);
    }

    private static Lead Lead(string comment) => new()
    {
        Number = 1001,
        CreatedAt = DateTimeOffset.Parse("2026-12-01T14:05:00Z", System.Globalization.CultureInfo.InvariantCulture).ToUnixTimeMilliseconds(),
        PersonId = 5,
        PointId = "jumystap-karaganda",
        Language = "ru",
        Draft = new LeadDraft { Kind = LeadKind.Training, Name = "Айгүл", Phone = "+77011234567", Comment = comment },
    };
}
