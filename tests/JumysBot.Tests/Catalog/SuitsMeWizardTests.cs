using JumysBot.Catalog;
using JumysBot.Conversations;

namespace JumysBot.Tests.Catalog;

public sealed class SuitsMeWizardTests
{
    private static readonly IReadOnlyList<Measure> _measures = Tests.Conversations.TestConversation.Content.Current.Measures.Measures;

    [Fact]
    public void A_mother_who_wants_to_learn_gets_the_short_courses_near_the_top()
    {
        var mother = new Person(1) { Role = PersonRole.CarerOfChild, DisabilityGroup = DisabilityGroup.Child, AgeBand = AgeBand.From35To49, Goal = Goal.Learn };

        var ranked = SuitsMeWizard.Rank(mother, _measures).Take(3).Select(r => r.Measure.Id).ToList();

        Assert.Contains("short-courses-mothers", ranked);
    }

    [Fact]
    public void Measures_for_another_age_are_left_out()
    {
        var older = new Person(1) { Role = PersonRole.PersonWithDisability, DisabilityGroup = DisabilityGroup.Second, AgeBand = AgeBand.From50, Goal = Goal.Job };

        var ranked = SuitsMeWizard.Rank(older, _measures).Select(r => r.Measure.Id).ToList();

        Assert.Contains("silver-age", ranked);
        Assert.DoesNotContain("first-job", ranked);
        Assert.DoesNotContain("youth-practice", ranked);
    }

    [Fact]
    public void Every_result_says_why_it_fits()
    {
        var person = new Person(1) { Role = PersonRole.PersonWithDisability, DisabilityGroup = DisabilityGroup.NotSaid, AgeBand = AgeBand.Under35, Goal = Goal.Business };

        var ranked = SuitsMeWizard.Rank(person, _measures).ToList();

        Assert.Equal("bastau-business", ranked[0].Measure.Id);
        Assert.All(ranked, r => Assert.NotEmpty(r.Reasons));
        Assert.Contains("suits.why.goal.business", ranked[0].Reasons);
    }
}
