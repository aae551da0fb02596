using JumysBot.Catalog;
using JumysBot.Conversations;
using JumysBot.Leads.Requests;
using JumysBot.Leads;
using JumysBot.Localization;
using JumysBot.Tests.Conversations;
using JumysBot.Updates;

namespace JumysBot.Tests.Catalog;

/// <summary>
/// What a card offers, by its kind: «Хочу участвовать» fits a course and Bastau Business; a vacancy, a quota, Job coach
/// and what another office handles offer «Оставить заявку»; nothing sends a person to a point that cannot help.
/// </summary>
public sealed class MeasureCardButtonTests
{
    public static TheoryData<string> Measures => [.. TestConversation.Content.Current.Measures.Measures.Select(m => m.Id)];

    [Theory]
    [MemberData(nameof(Measures))]
    public void Each_card_offers_the_step_its_kind_takes_in_both_languages(string id)
    {
        var measure = TestConversation.Content.Current.Measures.Find(id)!;
        foreach (var language in new[] { Language.Russian, Language.Kazakh })
        {
            var context = TestTurn.Context(new Incoming { ChatId = 1, UserId = 1 }, ConversationState.Fresh, new Person(1) { Language = language, Role = PersonRole.Other });
            CatalogExplorer.ShowMeasure(context, measure);
            var labels = context.Messages[^1].Buttons!.SelectMany(r => r).Select(b => b.Label).ToList();
            string Text(string key) => TestConversation.Content.Current.Texts.Get(language, key);

            var expected = LeadTopics.KindOf(measure.Action) switch
            {
                LeadKind.Training or LeadKind.Grant => Text("catalog.action.register"),
                LeadKind.Job or LeadKind.JobCoach or LeadKind.Other => Text("catalog.action.request"),
                _ => measure.Action == MeasureAction.Link ? Text("catalog.action.link") : Text("catalog.action.find_point"),
            };
            // The catalog draws the button without the request side; the request side must know every measure it offers.
            Assert.Equal(LeadTopics.KindOf(measure.Action) is not null, MeasureRequest.Takes(measure.Action));
            Assert.Equal(expected, labels[0]);
        }
    }

    [Theory]
    [InlineData("invataxi")]
    [InlineData("technical-aids")]
    [InlineData("special-social-services")]
    [InlineData("rehabilitation-centres")]
    public void What_another_office_handles_is_a_request_to_pass_on_not_a_point_to_find(string id)
    {
        var measure = TestConversation.Content.Current.Measures.Find(id)!;

        Assert.Equal(MeasureAction.RegisterOther, measure.Action);
        Assert.Contains("отдел занятости и социальных программ", measure.HowToApply!.Ru, StringComparison.Ordinal);
        Assert.Contains("жұмыспен қамту және әлеуметтік бағдарламалар бөлім", measure.HowToApply.Kk, StringComparison.Ordinal);
        Assert.Contains("«Оставить заявку»", measure.HowToApply.Ru, StringComparison.Ordinal);
        Assert.Contains("«Өтінім қалдыру»", measure.HowToApply.Kk, StringComparison.Ordinal);
    }
}
