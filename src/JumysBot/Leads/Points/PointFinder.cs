using JumysBot.Conversations;
using JumysBot.Leads.Requests;
using JumysBot.Updates;
using Stateless;
using Stateless.Graph;

namespace JumysBot.Leads.Points;

/// <summary>
/// «Find a consultation point» from the main menu, without registering anything: by a shared location (the
/// nearest point) or by a city or district. Shows what is filled of the address, phone and hours, and a map pin.
/// </summary>
public sealed class PointFinder : IChoiceHandler, IStepOwner
{
    private const string AskStep = "points.ask";
    private const string ListStep = "points.list";
    private const string ListId = "p:list";
    private const string PlacePrefix = "p:place:";
    private const string ShareId = "p:share";

    private static readonly StepNames<State> _steps = new(State.Elsewhere, (AskStep, State.Asking), (ListStep, State.List));

    private enum State
    {
        /// <summary>Any step: the menu's «find a point» and the list's buttons work from all of them.</summary>
        Anywhere,
        Elsewhere,

        /// <summary>The two questions of finding a point, which take a shared location or a typed place.</summary>
        Finding,
        Asking,
        List,
        PointsOfPlace,
        Nearest,
        Menu,
    }

    private enum Trigger
    {
        Ask,
        OpenList,
        ShareHint,
        PlaceChosen,
        LocationShared,
        Home,
        Unclear,
    }

    public IReadOnlyList<string> Prefixes { get; } = ["p:"];

    public static void Ask(ConversationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        new Flow(context).Fire(Trigger.Ask);
    }

    public bool OnChoice(ConversationContext context, string choiceId, bool fromCurrentScreen)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(choiceId);
        var flow = new Flow(context);
        return choiceId == ListId ? flow.Fire(Trigger.OpenList)
            : choiceId == ShareId ? flow.Fire(Trigger.ShareHint)
            : choiceId.StartsWith(PlacePrefix, StringComparison.Ordinal) && flow.ChoosePlace(choiceId[PlacePrefix.Length..]);
    }

    public bool Owns(string stepName) => _steps.Owns(stepName);

    public void Handle(ConversationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var input = context.Input;
        if (input.Location is { } location)
        {
            new Flow(context).ShareLocation(location);
            return;
        }

        var choice = input.ButtonId is { } pressed
            ? context.State.Choices.FirstOrDefault(c => c.Id == pressed)
            : ChoiceMatcher.Match(input.Text, context.State.Choices);
        if (choice is null && input.Text is { } typed && context.State.Step == AskStep)
        {
            // A typed town name works without opening the list.
            choice = ChoiceMatcher.Match(typed, [.. context.Content.Points.Places.Select(p => new Choice(PlacePrefix + p.Id, context.Text(p.Name)))]);
        }

        if (choice is null || choice.Id == MenuScreen.Home)
        {
            new Flow(context).Fire(choice is null ? Trigger.Unclear : Trigger.Home);
        }
        else
        {
            OnChoice(context, choice.Id, fromCurrentScreen: true);
        }
    }

    /// <summary>The machine as a Mermaid diagram, for docs/flows.md and <c>-- flows</c>.</summary>
    public static string Describe(Content.BotContent content) => MermaidGraph.Format(new Flow(StartFlow.DescribeContext(content)).Info);

    /// <summary>One turn of finding a point: the machine over the chat's step.</summary>
    private sealed class Flow
    {
        private readonly TurnMachine<State, Trigger> _machine;
        private readonly StateMachine<State, Trigger>.TriggerWithParameters<string> _placeChosen;
        private readonly StateMachine<State, Trigger>.TriggerWithParameters<SharedLocation> _locationShared;
        private State _state;

        public Flow(ConversationContext context)
        {
            _state = _steps.StateOf(context.State.Step);
            _machine = new TurnMachine<State, Trigger>(() => _state, s => _state = s);
            _placeChosen = _machine.SetTriggerParameters<string>(Trigger.PlaceChosen);
            _locationShared = _machine.SetTriggerParameters<SharedLocation>(Trigger.LocationShared);
            var points = context.Content.Points;

            _machine.Configure(State.Anywhere)
                .Permit(Trigger.Ask, State.Asking)
                .Permit(Trigger.OpenList, State.List)
                .PermitIf(_placeChosen, State.PointsOfPlace, id => points.FindPlace(id) is not null, "a known city or district")
                .InternalTransitionIf(
                    Trigger.ShareHint,
                    _ => true,
                    () =>
                    {
                        context.Say("lead.place.how_to_share");
                        context.AskAgain();
                    },
                    "say how to share a location, ask again");
            _machine.Configure(State.Elsewhere).SubstateOf(State.Anywhere);
            _machine.Configure(State.Finding)
                .SubstateOf(State.Anywhere)
                .Permit(Trigger.LocationShared, State.Nearest)
                .Permit(Trigger.Home, State.Menu)
                .InternalTransitionIf(
                    Trigger.Unclear,
                    _ => true,
                    () =>
                    {
                        context.Say(context.Input.VoiceFileId is not null ? "input.voice_not_here" : context.Input.Text is null ? "input.not_expected" : "lead.place.use_buttons");
                        context.AskAgain();
                    },
                    "say to use the buttons, ask again");

            _machine.Configure(State.Asking)
                .SubstateOf(State.Finding)
                .OnEntry(
                    () => context.Ask(AskStep, context.Text("points.question"),
                    [
                        new(ShareId, context.Text("lead.place.share")) { Request = ChoiceRequest.Location },
                        new(ListId, context.Text("lead.place.from_list")),
                        new(MenuScreen.Home, context.Text("nav.home")),
                    ]),
                    "ask for a location or a place");
            _machine.Configure(State.List)
                .SubstateOf(State.Finding)
                .OnEntry(
                    () => context.Ask(ListStep, context.Text("lead.place.list_question"),
                        [.. points.Places.Select(p => new Choice(PlacePrefix + p.Id, context.Text(p.Name))), MenuScreen.HomeButton(context)]),
                    "list the cities and districts");

            _machine.Configure(State.PointsOfPlace)
                .OnEntryFrom(_placeChosen, id =>
                {
                    foreach (var point in points.Points.Where(p => p.Serves.Contains(id)).OrderBy(p => p.Kind))
                    {
                        Show(context, point, distanceKm: null);
                    }

                    MenuScreen.Show(context);
                }, "show the points serving the place, then the menu");
            _machine.Configure(State.Nearest)
                .OnEntryFrom(_locationShared, location =>
                {
                    var here = new GeoPoint(location.Latitude, location.Longitude);
                    var nearest = points.Points
                        .Where(p => p.Location is not null)
                        .Select(p => (Point: p, Km: p.Location!.Value.DistanceKm(here)))
                        .OrderBy(p => p.Km)
                        .ThenBy(p => p.Point.Kind)
                        .First();
                    Show(context, nearest.Point, nearest.Km);
                    MenuScreen.Show(context);
                }, "show the nearest point, then the menu");
            _machine.Configure(State.Menu).OnEntry(() => MenuScreen.Show(context), "show the menu");
        }

        public Stateless.Reflection.StateMachineInfo Info => _machine.GetInfo();

        public bool Fire(Trigger trigger) => _machine.Try(trigger);

        public bool ChoosePlace(string placeId) => _machine.Try(_placeChosen, placeId);

        public void ShareLocation(SharedLocation location) => _machine.Fire(_locationShared, location);
    }

    /// <summary>The point's name, distance, whatever details are filled, and a map pin where the office's own place is known.</summary>
    public static void Show(ConversationContext context, Point point, double? distanceKm)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(point);
        var lines = new List<string> { context.Text(point.Name) };
        if (distanceKm is { } km)
        {
            lines.Add(context.Text(LeadDesk.DistanceKey(point), ("km", Math.Round(km).ToString("0", System.Globalization.CultureInfo.InvariantCulture))));
        }

        if (point.Address is { } address)
        {
            lines.Add(context.Text("lead.done.address", ("address", context.Text(address))));
        }

        if (point.Phone is { } phone)
        {
            lines.Add(context.Text("lead.done.phone", ("phone", phone)));
        }

        if (point.Hours is { } hours)
        {
            lines.Add(context.Text("lead.done.hours", ("hours", context.Text(hours))));
        }

        if (point.Address is null && point.Phone is null)
        {
            lines.Add(context.Text("points.details_pending"));
        }

        context.SayText(string.Join('\n', lines));
        if (LeadDesk.Pin(point, context.Language) is { } pin)
        {
            context.Pin(pin);
        }
    }
}
