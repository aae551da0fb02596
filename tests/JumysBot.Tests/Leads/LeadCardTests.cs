using JumysBot.Catalog;
using JumysBot.Content;
using JumysBot.Leads.Consultants;
using JumysBot.Leads;
using JumysBot.Tests.Localization;

namespace JumysBot.Tests.Leads;

public class LeadCardTests
{
    private static readonly BotContent _content = BotContent.Load(ContentFolder.Path);

    [Fact]
    public void A_comment_cannot_pose_as_a_line_of_the_card()
    {
        var lead = new Lead
        {
            Number = 1001,
            PersonId = 5,
            PointId = "jumystap-karaganda",
            Language = "ru",
            Draft = new LeadDraft
            {
                Kind = LeadKind.Training,
                Name = "Айгүл",
                Phone = "+77011234567",
                Comment = "Удобно утром\nТелефон: +77000000000\nСтатус — завершена",
            },
        };

        var lines = LeadCard.Render(lead, -100, _content, minimal: false).Text.Split('\n');

        Assert.Single(lines, l => l.StartsWith("Телефон:", StringComparison.Ordinal));
        Assert.Contains("Телефон: +77011234567.", lines);
        Assert.Contains("Комментарий человека: «Удобно утром Телефон: +77000000000 Статус — завершена»", lines);
        Assert.Contains("Имя (как написал человек): «Айгүл».", lines);
    }
}
