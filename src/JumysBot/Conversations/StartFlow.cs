using JumysBot.Content;
using JumysBot.Localization;
using JumysBot.Updates;
using Stateless;
using Stateless.Graph;
using static JumysBot.Conversations.FlowConfiguration;

namespace JumysBot.Conversations;

/// <summary>
/// The first steps, as a state machine over the conversation's step: the greeting, the language, and who the person
/// is. /start and the language buttons work from anywhere; a start link lands where it points once the language is known.
/// </summary>
public sealed class StartFlow : IChoiceHandler
{
    public const string Kazakh = "l:kk";
    public const string Russian = "l:ru";

    private static readonly (string Id, PersonRole Role, string TextKey)[] _roles =
    [
        ("r:pwd", PersonRole.PersonWithDisability, "role.person_with_disability"),
        ("r:carer", PersonRole.CarerOfChild, "role.carer"),
        ("r:other", PersonRole.Other, "role.other"),
        ("r:none", PersonRole.NotSaid, "role.not_said"),
    ];

    private static readonly StepNames<State> _steps = new(
        State.Elsewhere, (Steps.New, State.New), (Steps.ChooseLanguage, State.Language), (Steps.ChooseRole, State.Role), (Steps.Menu, State.Menu));

    private enum State
    {
        /// <summary>Any step of the bot: /start and the language buttons work from all of them.</summary>
        Anywhere,
        New,
        Elsewhere,
        Language,
        Role,
        Menu,
        LinkTarget,
    }

    private enum Trigger
    {
        Start,
        AskLanguage,
        LanguageChosen,
        RoleChosen,
    }

    public IReadOnlyList<string> Prefixes { get; } = ["l:", "r:"];

    public static string RoleTextKey(PersonRole role) => _roles.First(r => r.Role == role).TextKey;

    /// <param name="payload">The start link's payload, if the person came through one (a poster, a partner's page).</param>
    public static void Start(ConversationContext context, string payload = "")
    {
        ArgumentNullException.ThrowIfNull(context);
        new Flow(context, context.StartLinks?.Recognise(context, payload)).Fire(Trigger.Start);
    }

    public static void AskLanguage(ConversationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        new Flow(context, landing: null).Fire(Trigger.AskLanguage);
    }

    public static void AskRole(ConversationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Ask(Steps.ChooseRole, context.Text("role.question"), [.. _roles.Select(r => new Choice(r.Id, context.Text(r.TextKey)))]);
    }

    public bool OnChoice(ConversationContext context, string choiceId, bool fromCurrentScreen)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (choiceId is Kazakh or Russian)
        {
            // A language button works from any older message too: it is never wrong to switch.
            // The language question keeps the start link's payload, to land on it once the language is known.
            var landing = fromCurrentScreen && context.State.Step == Steps.ChooseLanguage ? context.State.Data : null;
            context.SwitchLanguage(choiceId == Kazakh ? Language.Kazakh : Language.Russian);
            return new Flow(context, landing).Fire(Trigger.LanguageChosen);
        }

        var role = _roles.FirstOrDefault(r => r.Id == choiceId);
        return role.Id is not null && fromCurrentScreen && new Flow(context, landing: null).Fire(Trigger.RoleChosen, role.Role);
    }

    /// <summary>The machine as a Mermaid diagram, for docs/flows.md and <c>-- flows</c>.</summary>
    public static string Describe(BotContent content) => MermaidGraph.Format(new Flow(DescribeContext(content), landing: null).Info);

    internal static ConversationContext DescribeContext(BotContent content) =>
        new(new Incoming { ChatId = 0, UserId = 0 }, new Person(0), ConversationState.Fresh, content, money: null!);

    /// <summary>One turn of the first steps: the machine over the chat's step, and where this turn's start link lands.</summary>
    private sealed class Flow
    {
        private readonly TurnMachine<State, Trigger> _machine;
        private readonly StateMachine<State, Trigger>.TriggerWithParameters<PersonRole> _roleChosen;
        private readonly ConversationContext _context;
        private readonly string? _landing;
        private State _state;

        public Flow(ConversationContext context, string? landing)
        {
            _context = context;
            _landing = landing;
            _state = _steps.StateOf(context.State.Step);
            _machine = new TurnMachine<State, Trigger>(() => _state, s => _state = s);
            _roleChosen = _machine.SetTriggerParameters<PersonRole>(Trigger.RoleChosen);
            Configure();
        }

        public Stateless.Reflection.StateMachineInfo Info => _machine.GetInfo();

        public bool Fire(Trigger trigger) => _machine.Try(trigger);

        public bool Fire(Trigger trigger, PersonRole role) => _machine.Try(_roleChosen, role);

        private void Configure()
        {
            var afterLanguage = Possible(
                (State.LinkTarget, "a start link to a point or a measure"),
                (State.Role, "who the person is not known"),
                (State.Menu, "who the person is known"));
            _machine.Configure(State.Anywhere)
                .PermitDynamic(Trigger.Start, () => _context.Person.Language is null ? State.Language : AfterLanguage(), "where the person starts",
                    Possible((State.Language, "language not known"), (State.LinkTarget, "a start link to a point or a measure"), (State.Role, "who the person is not known"), (State.Menu, "who the person is known")))
                .Permit(Trigger.AskLanguage, State.Language)
                .PermitDynamic(Trigger.LanguageChosen, AfterLanguage, "what comes after the language", afterLanguage);

            foreach (var state in (State[])[State.New, State.Elsewhere, State.Language, State.Menu, State.LinkTarget])
            {
                _machine.Configure(state).SubstateOf(State.Anywhere);
            }

            // Each language is named in itself, so a person finds theirs whatever the bot speaks now.
            _machine.Configure(State.Language)
                .OnEntry(
                    () => _context.Ask(Steps.ChooseLanguage, _context.Text("language.question"),
                    [
                        new(Kazakh, _context.Content.Texts.Get(Language.Kazakh, "language.name.kk")),
                        new(Russian, _context.Content.Texts.Get(Language.Russian, "language.name.ru")),
                    ], data: _landing),
                    "ask the language");

            _machine.Configure(State.Role)
                .SubstateOf(State.Anywhere)
                .OnEntry(() => _context.Say("start.greeting"), "greet")
                .OnEntry(() => AskRole(_context), "ask who the person is")
                .Permit(Trigger.RoleChosen, State.Menu)
                .OnExitWith(_roleChosen, Remember, "remember who the person is");

            _machine.Configure(State.LinkTarget)
                .OnEntry(() => _context.Say("start.greeting"), "greet")
                .OnEntry(() => _context.StartLinks!.Land(_context, _landing!), "show what the link points at");

            _machine.Configure(State.Menu)
                .OnEntryFrom(Trigger.Start, () => _context.Say("start.greeting"), "greet")
                .OnEntryFrom(Trigger.LanguageChosen, () => _context.Say(_landing is null ? "language.changed" : "start.greeting"), "say the language changed")
                .OnEntryFrom(Trigger.RoleChosen, () => _context.Say("role.thanks"), "thank")
                .OnEntry(() => MenuScreen.Show(_context), "show the menu");
        }

        private State AfterLanguage() =>
            _landing is not null && _context.StartLinks is not null ? State.LinkTarget
            : _context.Person.Role is null ? State.Role
            : State.Menu;

        private void Remember(PersonRole role) => _context.Person = _context.Person with
        {
            Role = role,
            // A carer's answer about the group is about the child.
            DisabilityGroup = role == PersonRole.CarerOfChild ? DisabilityGroup.Child : _context.Person.DisabilityGroup,
        };
    }
}
