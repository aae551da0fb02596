using JumysBot.Conversations;

namespace JumysBot.Catalog;

/// <summary>
/// «What suits me?»: four short questions (who I am, disability group, age, goal), each with "prefer not to say",
/// then the matching measures, best first, with a line on why each fits. Answers are kept in the person's profile so
/// they are not asked twice; «Change my answers» asks again.
/// </summary>
public sealed class SuitsMeWizard : IChoiceHandler
{
    public const string StartId = "w:start";
    public const string ResultsId = "w:results";
    public const string ResultsStep = "suits.results";
    private const string ResetId = "w:reset";
    private const int MaxResults = 6;

    private static readonly (string Id, PersonRole Role, string TextKey)[] _roles =
    [
        ("w:r:pwd", PersonRole.PersonWithDisability, "role.person_with_disability"),
        ("w:r:carer", PersonRole.CarerOfChild, "role.carer"),
        ("w:r:other", PersonRole.Other, "role.other"),
        ("w:r:none", PersonRole.NotSaid, "role.not_said"),
    ];

    private static readonly (string Id, DisabilityGroup Group)[] _groups =
    [
        ("w:g:1", DisabilityGroup.First),
        ("w:g:2", DisabilityGroup.Second),
        ("w:g:3", DisabilityGroup.Third),
        ("w:g:child", DisabilityGroup.Child),
        ("w:g:none", DisabilityGroup.NotSaid),
    ];

    private static readonly (string Id, AgeBand Age)[] _ages =
    [
        ("w:age:u35", AgeBand.Under35),
        ("w:age:35", AgeBand.From35To49),
        ("w:age:50", AgeBand.From50),
    ];

    private static readonly (string Id, Goal Goal)[] _goals =
    [
        ("w:goal:job", Goal.Job),
        ("w:goal:learn", Goal.Learn),
        ("w:goal:business", Goal.Business),
        ("w:goal:support", Goal.Support),
    ];

    public IReadOnlyList<string> Prefixes { get; } = ["w:"];

    public static string GroupTextKey(DisabilityGroup group) => "suits.group." + MeasureCatalogLoader.ToSnakeCase(group.ToString());

    public static string AgeTextKey(AgeBand age) => "suits.age." + MeasureCatalogLoader.ToSnakeCase(age.ToString());

    public static string GoalTextKey(Goal goal) => "suits.goal." + MeasureCatalogLoader.ToSnakeCase(goal.ToString());

    public bool OnChoice(ConversationContext context, string choiceId, bool fromCurrentScreen)
    {
        ArgumentNullException.ThrowIfNull(context);
        var person = context.Person;
        switch (choiceId)
        {
            case StartId:
                if (person.Role is null || person.DisabilityGroup is null || person.AgeBand is null || person.Goal is null)
                {
                    context.Say("suits.intro");
                }

                AskNext(context);
                return true;
            case ResultsId:
                AskNext(context);
                return true;
            case ResetId:
                context.Person = person with { Role = null, DisabilityGroup = null, AgeBand = null, Goal = null };
                AskNext(context);
                return true;
        }

        // An answer counts only for the question on screen: an old message's button cannot change a newer answer.
        if (!fromCurrentScreen)
        {
            return false;
        }

        if (_roles.FirstOrDefault(r => r.Id == choiceId) is { Id: not null } role)
        {
            context.Person = person with
            {
                Role = role.Role,
                DisabilityGroup = role.Role == PersonRole.CarerOfChild ? DisabilityGroup.Child : person.DisabilityGroup,
            };
        }
        else if (_groups.FirstOrDefault(g => g.Id == choiceId) is { Id: not null } group)
        {
            context.Person = person with { DisabilityGroup = group.Group };
        }
        else if (_ages.FirstOrDefault(a => a.Id == choiceId) is { Id: not null } age)
        {
            context.Person = person with { AgeBand = age.Age };
        }
        else if (_goals.FirstOrDefault(g => g.Id == choiceId) is { Id: not null } goal)
        {
            context.Person = person with { Goal = goal.Goal };
        }
        else
        {
            return false;
        }

        AskNext(context);
        return true;
    }

    private static void AskNext(ConversationContext context)
    {
        var person = context.Person;
        if (person.Role is null)
        {
            Ask(context, "suits.role", "role.question", _roles.Select(r => new Choice(r.Id, context.Text(r.TextKey))));
        }
        else if (person.DisabilityGroup is null)
        {
            Ask(context, "suits.group", "suits.group_question", _groups.Select(g => new Choice(g.Id, context.Text(GroupTextKey(g.Group)))));
        }
        else if (person.AgeBand is null)
        {
            Ask(context, "suits.age", "suits.age_question", _ages.Select(a => new Choice(a.Id, context.Text(AgeTextKey(a.Age)))));
        }
        else if (person.Goal is null)
        {
            Ask(context, "suits.goal", "suits.goal_question", _goals.Select(g => new Choice(g.Id, context.Text(GoalTextKey(g.Goal)))));
        }
        else
        {
            ShowResults(context);
        }
    }

    private static void Ask(ConversationContext context, string step, string questionKey, IEnumerable<Choice> choices) =>
        context.Ask(step, context.Text(questionKey), [.. choices, MenuScreen.HomeButton(context)]);

    private static void ShowResults(ConversationContext context)
    {
        var ranked = Rank(context.Person, context.Catalog.Measures).Take(MaxResults).ToList();
        if (ranked.Count == 0)
        {
            context.Say("suits.nothing");
            MenuScreen.Show(context);
            return;
        }

        var lines = ranked.Select((r, i) =>
            $"{i + 1}. <b>{ConversationContext.Escape(context.Text(r.Measure.Title))}</b>. {ConversationContext.Escape(string.Join(", ", r.Reasons.Select(k => context.Text(k))))}.");
        var title = context.Text("suits.results_title");
        var body = ConversationContext.Escape(title) + "\n\n" + string.Join("\n\n", lines);
        context.Ask(ResultsStep, title,
        [
            .. ranked.Select(r => new Choice(CatalogExplorer.MeasureButton(r.Measure.Id), context.Text(r.Measure.Title))),
            new(ResetId, context.Text("suits.change")),
            MenuScreen.HomeButton(context),
        ], body: body, html: true);
    }

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
