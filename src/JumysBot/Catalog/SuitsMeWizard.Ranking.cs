using JumysBot.Conversations;

namespace JumysBot.Catalog;

/// <summary>Which measures suit the person, best first, and why.</summary>
public sealed partial class SuitsMeWizard
{
    /// <summary>
    /// Scores each measure for the person: the goal they named counts most, then being meant for people like them.
    /// A measure aimed at fewer goals or groups scores higher than one for everybody, so a specific answer
    /// («short courses for mothers») comes before a general one («a consultation point»). A measure for another
    /// age band is left out; one that fits neither the goal nor the person is not shown.
    /// </summary>
    public static IEnumerable<(Measure Measure, IReadOnlyList<string> Reasons)> Rank(Person person, IEnumerable<Measure> measures)
    {
        ArgumentNullException.ThrowIfNull(person);
        var audiences = AudiencesOf(person);
        return measures
            .Where(m => person.AgeBand is not { } age || m.Ages.Contains(age))
            .Select((m, order) =>
            {
                var reasons = new List<string>();
                var score = 0;
                if (person.Goal is { } goal && m.Goals.Contains(goal))
                {
                    score += Math.Max(3, 7 - m.Goals.Count);
                    reasons.Add(GoalReason(goal));
                }

                foreach (var audience in audiences.Where(m.Audiences.Contains))
                {
                    score += audience is Audience.Disability or Audience.Carer ? Math.Max(1, 5 - m.Audiences.Count) : 2;
                    reasons.Add("suits.why.audience." + audience.ToString().ToLowerInvariant());
                }

                return (Measure: m, Reasons: (IReadOnlyList<string>)reasons, Score: score, Order: order);
            })
            .Where(r => r.Score >= 4)
            .OrderByDescending(r => r.Score)
            .ThenBy(r => r.Order)
            .Select(r => (r.Measure, r.Reasons));
    }

    private static string GoalReason(Goal goal) => "suits.why.goal." + goal.ToString().ToLowerInvariant();

    private static HashSet<Audience> AudiencesOf(Person person)
    {
        var audiences = new HashSet<Audience>();
        if (person.Role == PersonRole.PersonWithDisability || person.DisabilityGroup is DisabilityGroup.First or DisabilityGroup.Second or DisabilityGroup.Third)
        {
            audiences.Add(Audience.Disability);
        }

        if (person.Role == PersonRole.CarerOfChild || person.DisabilityGroup == DisabilityGroup.Child)
        {
            audiences.Add(Audience.Carer);
        }

        if (person.AgeBand == AgeBand.Under35)
        {
            audiences.Add(Audience.Youth);
        }

        if (person.AgeBand == AgeBand.From50)
        {
            audiences.Add(Audience.Senior);
        }

        return audiences;
    }
}
