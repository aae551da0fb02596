using JumysBot.Content;
using JumysBot.Conversations;
using JumysBot.Updates;
using Stateless;
using static JumysBot.Conversations.FlowConfiguration;

namespace JumysBot.Catalog;

/// <summary>
/// «What suits me?»: four short questions (who I am, disability group, age, goal), each with "prefer not to say",
/// then the matching measures, best first, with a line on why each fits. Answers are kept in the person's profile so
/// they are not asked twice; «Change my answers» asks again. The disability group is health data: until the person has
/// consented (in a request), it stays with the wizard's own screens and never reaches the profile.
/// </summary>
public sealed partial class SuitsMeWizard : IChoiceHandler
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

    private static readonly StepNames<State> _steps = new(
        State.Elsewhere, ("suits.role", State.Role), ("suits.group", State.Group), ("suits.age", State.Age), ("suits.goal", State.Goal), (ResultsStep, State.Results));

    private enum State
    {
        /// <summary>Any step: «what suits me», «change my answers» and the results work from all of them.</summary>
        Anywhere,
        Elsewhere,

        /// <summary>The four questions; each takes its answer.</summary>
        Question,
        Role,
        Group,
        Age,
        Goal,
        Results,
        Nothing,
    }

    private enum Trigger
    {
        Start,
        Results,
        Reset,
        Answered,
    }

    public IReadOnlyList<string> Prefixes { get; } = ["w:"];

    public static string GroupTextKey(DisabilityGroup group) => "suits.group." + MeasureCatalogLoader.ToSnakeCase(group.ToString());

    public static string AgeTextKey(AgeBand age) => "suits.age." + MeasureCatalogLoader.ToSnakeCase(age.ToString());

    public static string GoalTextKey(Goal goal) => "suits.goal." + MeasureCatalogLoader.ToSnakeCase(goal.ToString());

    public bool OnChoice(ConversationContext context, string choiceId, bool fromCurrentScreen)
    {
        ArgumentNullException.ThrowIfNull(context);
        var flow = new Flow(context);
        if (choiceId is StartId or ResultsId or ResetId)
        {
            return flow.Fire(choiceId == StartId ? Trigger.Start : choiceId == ResultsId ? Trigger.Results : Trigger.Reset);
        }

        // An answer counts only for the question on screen: an old message's button cannot change a newer answer.
        if (!fromCurrentScreen)
        {
            return false;
        }

        return _roles.FirstOrDefault(r => r.Id == choiceId) is { Id: not null } role ? flow.Answer(person => person with
            {
                Role = role.Role,
                DisabilityGroup = role.Role == PersonRole.CarerOfChild ? DisabilityGroup.Child : person.DisabilityGroup,
            })
            : _groups.FirstOrDefault(g => g.Id == choiceId) is { Id: not null } group ? flow.Answer(person => person with { DisabilityGroup = group.Group })
            : _ages.FirstOrDefault(a => a.Id == choiceId) is { Id: not null } age ? flow.Answer(person => person with { AgeBand = age.Age })
            : _goals.FirstOrDefault(g => g.Id == choiceId) is { Id: not null } goal && flow.Answer(person => person with { Goal = goal.Goal });
    }

    /// <summary>The machine as a Mermaid diagram, for docs/flows.md and <c>-- flows</c>.</summary>
    public static string Describe(BotContent content) => Stateless.Graph.MermaidGraph.Format(new Flow(StartFlow.DescribeContext(content)).Info);

    /// <summary>The first question not answered yet, or the results when all four are.</summary>
    private static State NextFor(Person person, IEnumerable<Measure> measures) =>
        person.Role is null ? State.Role
        : person.DisabilityGroup is null ? State.Group
        : person.AgeBand is null ? State.Age
        : person.Goal is null ? State.Goal
        : Rank(person, measures).Any() ? State.Results
        : State.Nothing;

    /// <summary>One turn of the wizard: the machine over the chat's step; the answers live in the person's profile.</summary>
    private sealed class Flow
    {
        private readonly TurnMachine<State, Trigger> _machine;
        private readonly StateMachine<State, Trigger>.TriggerWithParameters<Func<Person, Person>> _answered;
        private readonly ConversationContext _context;
        private State _state;

        /// <summary>The group said before consent: carried from screen to screen of the wizard, not stored in the profile.</summary>
        private DisabilityGroup? _heldGroup;

        public Flow(ConversationContext context)
        {
            _context = context;
            _state = _steps.StateOf(context.State.Step);
            _heldGroup = _state is not State.Elsewhere && Enum.TryParse<DisabilityGroup>(context.State.Data, out var held) ? held : null;
            _machine = new TurnMachine<State, Trigger>(() => _state, s => _state = s);
            _answered = _machine.SetTriggerParameters<Func<Person, Person>>(Trigger.Answered);
            var next = Possible(
                (State.Role, "who I am not said"),
                (State.Group, "group not said"),
                (State.Age, "age not said"),
                (State.Goal, "goal not said"),
                (State.Results, "all said, something suits"),
                (State.Nothing, "all said, nothing suits"));

            _machine.Configure(State.Anywhere)
                .PermitDynamic(Trigger.Start, () => NextFor(Answers, context.Content.Measures.Measures), "the first question not answered", next)
                .PermitDynamic(Trigger.Results, () => NextFor(Answers, context.Content.Measures.Measures), "the results, once all is answered", next)
                .Permit(Trigger.Reset, State.Role);
            _machine.Configure(State.Elsewhere).SubstateOf(State.Anywhere);

            _machine.Configure(State.Question)
                .SubstateOf(State.Anywhere)
                .PermitDynamic(_answered, answer => NextFor(answer(Answers), context.Content.Measures.Measures), "the next question not answered", next);
            foreach (var question in (State[])[State.Role, State.Group, State.Age, State.Goal])
            {
                // On each question, not on their superstate: moving between questions never leaves it.
                _machine.Configure(question)
                    .SubstateOf(State.Question)
                    .OnEntryFrom(Trigger.Start, () => context.Say("suits.intro"), "introduce the questions")
                    .OnExitWith(_answered, answer => Keep(answer(Answers)), "keep the answer (the group in the profile only after consent)");
            }

            _machine.Configure(State.Role)
                .OnEntryFrom(
                    Trigger.Reset,
                    () =>
                    {
                        context.Person = context.Person with { Role = null, DisabilityGroup = null, AgeBand = null, Goal = null };
                        _heldGroup = null;
                    },
                    "forget the answers")
                .OnEntry(() => Ask("suits.role", "role.question", _roles.Select(r => new Choice(r.Id, context.Text(r.TextKey)))), "ask who I am");
            _machine.Configure(State.Group)
                .OnEntry(() => Ask("suits.group", "suits.group_question", _groups.Select(g => new Choice(g.Id, context.Text(GroupTextKey(g.Group))))), "ask the group");
            _machine.Configure(State.Age)
                .OnEntry(() => Ask("suits.age", "suits.age_question", _ages.Select(a => new Choice(a.Id, context.Text(AgeTextKey(a.Age))))), "ask the age");
            _machine.Configure(State.Goal)
                .OnEntry(() => Ask("suits.goal", "suits.goal_question", _goals.Select(g => new Choice(g.Id, context.Text(GoalTextKey(g.Goal))))), "ask the goal");

            _machine.Configure(State.Results)
                .SubstateOf(State.Anywhere)
                .OnEntry(ShowResults, "show what suits, best first");
            _machine.Configure(State.Nothing)
                .OnEntry(
                    () =>
                    {
                        context.Say("suits.nothing");
                        MenuScreen.Show(context);
                    },
                    "say nothing suits, show the menu");
        }

        public Stateless.Reflection.StateMachineInfo Info => _machine.GetInfo();

        public bool Fire(Trigger trigger) => _machine.Try(trigger);

        public bool Answer(Func<Person, Person> answer) => _machine.Try(_answered, answer);

        /// <summary>The person as the wizard sees them: the profile, with the group said before consent.</summary>
        private Person Answers => _context.Person with { DisabilityGroup = _context.Person.DisabilityGroup ?? _heldGroup };

        private bool HasConsented => _context.Person.ConsentVersion is not null;

        private void Keep(Person answered)
        {
            if (HasConsented)
            {
                _context.Person = answered;
                return;
            }

            _heldGroup = answered.DisabilityGroup;
            _context.Person = answered with { DisabilityGroup = _context.Person.DisabilityGroup };
        }

        private void Ask(string step, string questionKey, IEnumerable<Choice> choices) =>
            _context.Ask(step, _context.Text(questionKey), [.. choices, MenuScreen.HomeButton(_context)], data: _heldGroup?.ToString());

        private void ShowResults()
        {
            var context = _context;
            var ranked = Rank(Answers, context.Content.Measures.Measures).Take(MaxResults).ToList();
            var lines = ranked.Select((r, i) =>
                $"{i + 1}. <b>{ConversationContext.Escape(context.Text(r.Measure.Title))}</b>. {ConversationContext.Escape(string.Join(", ", r.Reasons.Select(k => context.Text(k))))}.");
            var title = context.Text("suits.results_title");
            var body = ConversationContext.Escape(title) + "\n\n" + string.Join("\n\n", lines);
            context.Ask(ResultsStep, title,
            [
                .. ranked.Select(r => new Choice(CatalogExplorer.MeasureButton(r.Measure.Id), context.Text(r.Measure.Title))),
                new(ResetId, context.Text("suits.change")),
                MenuScreen.HomeButton(context),
            ], data: _heldGroup?.ToString(), body: body, html: true);
        }
    }
}
