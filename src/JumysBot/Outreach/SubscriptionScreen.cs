using JumysBot.Conversations;
using JumysBot.Updates;
using Stateless;
using Stateless.Graph;
using static JumysBot.Conversations.FlowConfiguration;

namespace JumysBot.Outreach;

/// <summary>
/// Opting in to announcements, never by default: the topics (each switched on or off), then the city or district or
/// the whole region. <c>/unsubscribe</c> and the button under every announcement turn it off at once, whatever the
/// person is in the middle of.
/// </summary>
public sealed class SubscriptionScreen : IAnytimeChoiceHandler
{
    public const string Open = "sub:open";
    public const string Off = "sub:off";
    private const string Edit = "sub:edit";
    private const string TopicPrefix = "sub:t:";
    private const string Next = "sub:next";
    private const string PlacePrefix = "sub:p:";
    private const string WholeRegion = "sub:p:all";
    private const string TopicsStep = "sub.topics";
    private const string PlaceStep = "sub.place";
    private const string StatusStep = "sub.status";
    private const string OfferStep = "sub.offer";

    private static readonly StepNames<State> _steps = new(
        State.Elsewhere, (StatusStep, State.Status), (OfferStep, State.Offer), (TopicsStep, State.Topics), (PlaceStep, State.Place));

    public IReadOnlyList<string> Prefixes { get; } = ["sub:"];

    public static void Show(ConversationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        new Flow(context, fromCurrentScreen: true).Fire(Trigger.Open);
    }

    /// <summary>Turns announcements off at once, from the command or from the button under any announcement.</summary>
    public static void Unsubscribe(ConversationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Say(context.Person.Part<Subscription>() is null ? "subscription.not_subscribed" : "subscription.unsubscribed");
        context.Person = context.Person.WithPart<Subscription>(null);
    }

    public bool OnChoice(ConversationContext context, string choiceId, bool fromCurrentScreen)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(choiceId);
        var flow = new Flow(context, fromCurrentScreen);
        if (choiceId is Open or Off or Edit)
        {
            return flow.Fire(choiceId == Open ? Trigger.Open : choiceId == Off ? Trigger.Off : Trigger.Edit);
        }

        // Switching topics and choosing the place only make sense on the screen that shows them.
        if (!fromCurrentScreen)
        {
            return false;
        }

        if (choiceId.StartsWith(TopicPrefix, StringComparison.Ordinal) && Enum.TryParse<AnnouncementTopic>(choiceId[TopicPrefix.Length..], out var topic))
        {
            return flow.Toggle(topic);
        }

        if (choiceId == Next)
        {
            return flow.Fire(Trigger.Next);
        }

        return choiceId.StartsWith(PlacePrefix, StringComparison.Ordinal) && flow.ChoosePlace(choiceId == WholeRegion ? null : choiceId[PlacePrefix.Length..]);
    }

    /// <summary>The machine as a Mermaid diagram, for docs/flows.md and <c>-- flows</c>.</summary>
    public static string Describe(Content.BotContent content) =>
        MermaidGraph.Format(new Flow(StartFlow.DescribeContext(content), fromCurrentScreen: true).Info);

    private enum State
    {
        /// <summary>Any step: the subscription screen, «change» and «unsubscribe» work from all of them.</summary>
        Anywhere,
        Elsewhere,
        Status,
        Offer,
        Topics,
        Place,
        Subscribed,
        Unsubscribed,
    }

    private enum Trigger
    {
        Open,
        Off,
        Edit,
        Toggle,
        Next,
        PlaceChosen,
    }

    /// <summary>One turn: the machine over the chat's step, and the topics chosen so far (kept with the step).</summary>
    private sealed class Flow
    {
        private readonly TurnMachine<State, Trigger> _machine;
        private readonly StateMachine<State, Trigger>.TriggerWithParameters<AnnouncementTopic> _toggle;
        private readonly StateMachine<State, Trigger>.TriggerWithParameters<string?> _placeChosen;
        private readonly ConversationContext _context;
        private IReadOnlyList<AnnouncementTopic> _topics;
        private State _state;

        public Flow(ConversationContext context, bool fromCurrentScreen)
        {
            _context = context;
            _topics = Subscription.ParseTopics(context.State.Data);
            _state = _steps.StateOf(context.State.Step);
            _machine = new TurnMachine<State, Trigger>(() => _state, s => _state = s);
            _toggle = _machine.SetTriggerParameters<AnnouncementTopic>(Trigger.Toggle);
            _placeChosen = _machine.SetTriggerParameters<string?>(Trigger.PlaceChosen);

            _machine.Configure(State.Anywhere)
                .PermitDynamic(Trigger.Open, () => context.Person.Part<Subscription>() is null ? State.Offer : State.Status, "subscribed or not",
                    Possible((State.Status, "subscribed"), (State.Offer, "not subscribed")))
                .Permit(Trigger.Off, State.Unsubscribed)
                .Permit(Trigger.Edit, State.Topics);
            foreach (var state in (State[])[State.Elsewhere, State.Status, State.Offer, State.Topics, State.Place])
            {
                _machine.Configure(state).SubstateOf(State.Anywhere);
            }

            _machine.Configure(State.Status)
                .OnEntry(() => context.Ask(StatusStep, Describe(context, context.Person.Part<Subscription>()!, "subscription.status"),
                    [new(Edit, context.Text("subscription.change")), new(Off, context.Text("subscription.unsubscribe")), MenuScreen.HomeButton(context)]), "show the subscription");
            _machine.Configure(State.Offer)
                .OnEntry(() => context.Ask(OfferStep, context.Text("subscription.offer"), [new(Edit, context.Text("subscription.subscribe")), MenuScreen.HomeButton(context)]), "offer to subscribe");

            _machine.Configure(State.Topics)
                .OnEntryFrom(Trigger.Edit, () => _topics = context.Person.Part<Subscription>()?.Topics ?? [], "start from the topics subscribed to")
                .OnEntry(() => AskTopics(context, _topics), "ask the topics")
                .PermitReentry(Trigger.Toggle)
                .OnExitWith(_toggle, t => _topics = _topics.Contains(t) ? [.. _topics.Where(x => x != t)] : [.. _topics, t], "switch the topic")
                .PermitIf(Trigger.Next, State.Place, () => _topics.Count > 0, "a topic chosen")
                .InternalTransitionIf(
                    Trigger.Next,
                    _ => _topics.Count == 0,
                    () =>
                    {
                        context.Say("subscription.choose_a_topic");
                        context.AskAgain();
                    },
                    "no topic chosen");

            _machine.Configure(State.Place)
                .OnEntry(() => context.Ask(PlaceStep, context.Text("subscription.place_question"),
                    [new(WholeRegion, context.Text("subscription.whole_region")), .. context.Content.Points.Places.Select(p => new Choice(PlacePrefix + p.Id, context.Text(p.Name))), MenuScreen.HomeButton(context)],
                    data: context.State.Data), "ask the city or district")
                .PermitIf(_placeChosen, State.Subscribed, p => _topics.Count > 0 && (p is null || context.Content.Points.FindPlace(p) is not null), "the whole region, or a known place");

            _machine.Configure(State.Subscribed)
                .OnEntryFrom(_placeChosen, placeId =>
                {
                    var subscription = new Subscription(_topics, placeId);
                    context.Person = context.Person.WithPart(subscription);
                    context.SayText(Describe(context, subscription, "subscription.done"));
                    MenuScreen.Show(context);
                }, "subscribe, show the menu");

            _machine.Configure(State.Unsubscribed)
                .OnEntry(() =>
                {
                    Unsubscribe(context);
                    if (fromCurrentScreen || !context.AskAgain())
                    {
                        MenuScreen.Show(context);
                    }
                }, "unsubscribe, then the question again or the menu");
        }

        public Stateless.Reflection.StateMachineInfo Info => _machine.GetInfo();

        public bool Fire(Trigger trigger) => _machine.Try(trigger);

        public bool Toggle(AnnouncementTopic topic) => _machine.Try(_toggle, topic);

        public bool ChoosePlace(string? placeId) => _machine.Try(_placeChosen, placeId);
    }

    private static void AskTopics(ConversationContext context, IReadOnlyList<AnnouncementTopic> chosen)
    {
        List<Choice> choices = [.. Subscription.AllTopics.Select(t => new Choice(TopicPrefix + t, context.Text(
            chosen.Contains(t) ? "subscription.topic_on" : "subscription.topic_off", ("topic", TopicText(context, t)))))];
        choices.Add(new Choice(Next, context.Text("subscription.next")));
        choices.Add(MenuScreen.HomeButton(context));
        context.Ask(TopicsStep, context.Text("subscription.topics_question"), choices, data: Subscription.FormatTopics(chosen));
    }

    public static string TopicText(ConversationContext context, AnnouncementTopic topic)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Text("subscription.topic." + topic.ToString().ToLowerInvariant());
    }

    /// <summary>A text with the subscription's <c>{topics}</c> and <c>{place}</c> filled in.</summary>
    public static string Describe(ConversationContext context, Subscription subscription, string key)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(subscription);
        return context.Text(key, ("topics", TopicsText(context, subscription.Topics)), ("place", PlaceText(context, subscription.PlaceId)));
    }

    private static string TopicsText(ConversationContext context, IEnumerable<AnnouncementTopic> topics) =>
        string.Join(", ", topics.Select(t => TopicText(context, t)));

    private static string PlaceText(ConversationContext context, string? placeId) =>
        context.Content.Points.FindPlace(placeId) is { } place ? context.Text(place.Name) : context.Text("subscription.whole_region");
}
