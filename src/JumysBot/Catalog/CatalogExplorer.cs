using JumysBot.Content;
using JumysBot.Conversations;
using Stateless;
using static JumysBot.Conversations.FlowConfiguration;

namespace JumysBot.Catalog;

/// <summary>
/// Browsing the support measures: by category, by whom they are for, or by typed words; each measure as a card with
/// the step it leads to, a way back, and the main menu.
/// </summary>
public sealed partial class CatalogExplorer : ITypedTextHandler
{
    public const string Categories = "x:cats";
    public const string AudiencesId = "x:aud";
    public const string SearchBack = "x:s";
    public const string ListStep = "catalog.list";
    public const string CardStep = "catalog.card";

    public const string CategoryPrefix = "x:c:";
    private const string AudiencePrefix = "x:a:";
    private const string MeasurePrefix = "x:m:";
    private const string ActionPrefix = "x:act:";
    private const string SearchPrefix = "x:s:";
    private const int MaxQueryEcho = 100;

    private static readonly StepNames<State> _steps = new(
        State.Elsewhere,
        ("catalog.categories", State.Categories),
        ("catalog.audiences", State.Audiences),
        (ListStep, State.List),
        (CardStep, State.Card),
        (SuitsMeWizard.ResultsStep, State.SuitsResults),
        (Steps.Menu, State.Menu));

    private enum State
    {
        /// <summary>Any step: the catalogue's buttons and a typed search work from all of them.</summary>
        Anywhere,
        Elsewhere,
        Menu,
        SuitsResults,
        Categories,
        Audiences,
        List,
        Card,
        NothingFound,
        FindingPoint,
    }

    private enum Trigger
    {
        OpenCategories,
        OpenAudiences,
        OpenList,
        OpenCard,
        Act,
        Search,
    }

    public IReadOnlyList<string> Prefixes { get; } = ["x:"];

    public static string MeasureButton(string measureId) => MeasurePrefix + measureId;

    public bool OnChoice(ConversationContext context, string choiceId, bool fromCurrentScreen)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(choiceId);
        var flow = new Flow(context);
        if (choiceId is Categories or AudiencesId)
        {
            return flow.Fire(choiceId == Categories ? Trigger.OpenCategories : Trigger.OpenAudiences);
        }

        if (choiceId == SearchBack)
        {
            return flow.OpenList(context.State.Step == CardStep ? context.State.Data : null);
        }

        if (choiceId.StartsWith(MeasurePrefix, StringComparison.Ordinal) && context.Content.Measures.Find(choiceId[MeasurePrefix.Length..]) is { } measure)
        {
            return flow.OpenCard(measure, fromCurrentScreen ? flow.Origin : Categories);
        }

        if (choiceId.StartsWith(ActionPrefix, StringComparison.Ordinal) && context.Content.Measures.Find(choiceId[ActionPrefix.Length..]) is { } acted)
        {
            return flow.Act(acted);
        }

        return flow.OpenList(choiceId);
    }

    /// <summary>A text typed while browsing (the menu, the catalog, the wizard's results) is a search.</summary>
    public bool OnText(ConversationContext context, string typed)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!Steps.IsBrowsing(context.State.Step))
        {
            return false;
        }

        Search(context, typed);
        return true;
    }

    /// <summary>What a person typed outside a question: the best matching measures, or the menu and where to get help.</summary>
    public static void Search(ConversationContext context, string typed)
    {
        ArgumentNullException.ThrowIfNull(context);
        new Flow(context).Search(typed);
    }

    /// <summary>A measure's card on its own (a start link to it): Back is the main menu.</summary>
    public static void ShowMeasure(ConversationContext context, Measure measure) => new Flow(context).OpenCard(measure, MenuScreen.Home);

    /// <summary>The machine as a Mermaid diagram, for docs/flows.md and <c>-- flows</c>.</summary>
    public static string Describe(BotContent content) => Stateless.Graph.MermaidGraph.Format(new Flow(StartFlow.DescribeContext(content)).Info);

    /// <summary>A list of measures to show: its title, the measures, what names it again, and where «Back» leads.</summary>
    private sealed record MeasureList(string Title, IReadOnlyList<Measure> Measures, string Descriptor, string? Back)
    {
        /// <summary>A category with a single measure opens its card straight away.</summary>
        public bool IsSingleCard => Back == Categories && Measures.Count == 1;
    }

    private sealed record CardView(Measure Measure, string Origin);

    /// <summary>One turn of browsing: the machine over the chat's step.</summary>
    private sealed class Flow
    {
        private readonly TurnMachine<State, Trigger> _machine;
        private readonly StateMachine<State, Trigger>.TriggerWithParameters<MeasureList?> _openList;
        private readonly StateMachine<State, Trigger>.TriggerWithParameters<CardView> _openCard;
        private readonly StateMachine<State, Trigger>.TriggerWithParameters<Measure> _act;
        private readonly StateMachine<State, Trigger>.TriggerWithParameters<string> _search;
        private readonly ConversationContext _context;
        private State _state;

        public Flow(ConversationContext context)
        {
            _context = context;
            _state = _steps.StateOf(context.State.Step);
            _machine = new TurnMachine<State, Trigger>(() => _state, s => _state = s);
            _openList = _machine.SetTriggerParameters<MeasureList?>(Trigger.OpenList);
            _openCard = _machine.SetTriggerParameters<CardView>(Trigger.OpenCard);
            _act = _machine.SetTriggerParameters<Measure>(Trigger.Act);
            _search = _machine.SetTriggerParameters<string>(Trigger.Search);

            _machine.Configure(State.Anywhere)
                .Permit(Trigger.OpenCategories, State.Categories)
                .Permit(Trigger.OpenAudiences, State.Audiences)
                .PermitDynamicIf(_openList, l => l!.IsSingleCard ? State.Card : State.List, l => l is not null, "a category, an audience or earlier results",
                    Possible((State.List, "several measures"), (State.Card, "a category with one measure")))
                .Permit(Trigger.OpenCard, State.Card)
                .PermitIf(_act, State.FindingPoint, m => m.Action == MeasureAction.FindPoint, "find a point")
                .InternalTransitionIf(_act, m => m.Action != MeasureAction.FindPoint, (_, _) => LinkHint(), "a link: say how to open it")
                .PermitDynamic(_search, typed => context.Content.Search.Find(typed).Count == 0 ? State.NothingFound : State.List, "what the search finds",
                    Possible((State.List, "measures found"), (State.NothingFound, "nothing found")));
            foreach (var state in (State[])[State.Elsewhere, State.Menu, State.SuitsResults, State.Categories, State.Audiences, State.List, State.Card])
            {
                _machine.Configure(state).SubstateOf(State.Anywhere);
            }

            _machine.Configure(State.Categories).OnEntry(() => ShowCategories(context), "list the categories");
            _machine.Configure(State.Audiences).OnEntry(() => ShowAudiences(context), "list whom measures are for");
            _machine.Configure(State.List)
                .OnEntryFrom(_openList, l => ShowMeasures(context, l!.Title, l.Measures, l.Descriptor, l.Back), "list the measures")
                .OnEntryFrom(_search, ShowFound, "list what was found");
            _machine.Configure(State.Card)
                .OnEntryFrom(_openList, l => ShowCard(context, l!.Measures[0], Categories), "show the only measure's card")
                .OnEntryFrom(_openCard, c => ShowCard(context, c.Measure, c.Origin), "show the measure's card");
            _machine.Configure(State.NothingFound)
                .OnEntryFrom(_search, typed =>
                {
                    context.Say("search.nothing", ("query", Echo(typed)));
                    MenuScreen.Show(context);
                }, "say nothing was found, show the menu");
            _machine.Configure(State.FindingPoint).OnEntry(
                () =>
                {
                    if (!MainMenu.Open(context, MainMenu.Points))
                    {
                        MenuScreen.Show(context);
                    }
                },
                "ask where to look");
        }

        public Stateless.Reflection.StateMachineInfo Info => _machine.GetInfo();

        /// <summary>Where «Back» on a card opened from here leads: the list or results it was opened from.</summary>
        public string Origin => _state switch
        {
            State.List or State.Card => _context.State.Data ?? Categories,
            State.SuitsResults => SuitsMeWizard.ResultsId,
            State.Menu => MenuScreen.Home,
            _ => Categories,
        };

        public bool Fire(Trigger trigger) => _machine.Try(trigger);

        public bool OpenList(string? descriptor) => _machine.Try(_openList, ListOf(_context, descriptor));

        public bool OpenCard(Measure measure, string origin) => _machine.Try(_openCard, new CardView(measure, origin));

        public bool Act(Measure measure) => _machine.Try(_act, measure);

        public void Search(string typed) => _machine.Fire(_search, typed);

        private void ShowFound(string typed)
        {
            var found = _context.Content.Search.Find(typed);
            ShowMeasures(_context, _context.Text("search.results", ("query", Echo(typed))), found, SearchPrefix + string.Join(',', found.Select(m => m.Id)), back: null);
        }

        private void LinkHint()
        {
            _context.Say("catalog.action.link_hint");
            if (!_context.AskAgain())
            {
                MenuScreen.Show(_context);
            }
        }

        private static string Echo(string typed) => PersonWords.Cut(typed, MaxQueryEcho);
    }
}
