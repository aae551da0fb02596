using System.Globalization;
using JumysBot.Conversations;
using Stateless;
using static JumysBot.Leads.FollowUp.LeadFeedbackScreens;

namespace JumysBot.Leads.FollowUp;

/// <summary>
/// The person's side of the follow-up: a rating of the help once a request is done (then a few optional words), and,
/// when the consultant could not reach them, a new number or messages only. The buttons carry the request's number and
/// work from any step; each press is checked against the person's own requests, so a forged or stale one changes
/// nothing. A person who was in the middle of something is brought back to that question afterwards.
/// </summary>
public sealed partial class LeadFeedback : IAnytimeChoiceHandler, IStepOwner
{
    private static readonly StepNames<State> _steps = new(
        State.Elsewhere, (RatingStep, State.Rating), (UnreachedStep, State.Unreached), (CommentStep, State.Comment), (PhoneStep, State.Phone));

    private enum State
    {
        /// <summary>Any step: the follow-up's buttons carry their request and work from all of them.</summary>
        Anywhere,
        Elsewhere,
        Rating,
        Unreached,
        Comment,
        Phone,

        /// <summary>Back to the question the person left, or the menu.</summary>
        Resumed,
    }

    private enum Trigger
    {
        Rate,
        SkipRating,
        SkipComment,
        ChangePhone,
        ShareContact,
        CancelPhone,
        TextOnly,
        NumberRight,
        Typed,
    }

    public IReadOnlyList<string> Prefixes { get; } = [Prefix];

    /// <remarks>
    /// The rating question is not owned: typed «1»…«5» match its buttons like any question's. The question after an
    /// unreached call is, so that a new number can simply be typed there.
    /// </remarks>
    public bool Owns(string stepName) => stepName is CommentStep or PhoneStep or UnreachedStep;

    /// <remarks>Whether the button is on the current screen does not matter: each press is checked on its own.</remarks>
    public bool OnChoice(ConversationContext context, string choiceId, bool fromCurrentScreen)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(choiceId);
        return Press(context, choiceId);
    }

    private static bool Press(ConversationContext context, string choiceId)
    {
        var parts = choiceId.Split(':');
        if (parts.Length is < 3 or > 4 || !long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return false;
        }

        // Only the person's own requests are loaded with them: someone else's number is simply not found.
        if (context.Person.Requests().FirstOrDefault(l => l.Number == number && !l.IsForgotten) is not { } lead)
        {
            Refuse(context, "feedback.not_found", number);
            return true;
        }

        var flow = new Flow(context);
        return parts.Length == 4
            ? parts[1] == RateAction && flow.Rate(lead, parts[3])
            : _actions.TryGetValue(parts[1], out var trigger) && flow.Fire(trigger, lead);
    }

    private static readonly Dictionary<string, Trigger> _actions = new(StringComparer.Ordinal)
    {
        [SkipRatingAction] = Trigger.SkipRating,
        [SkipCommentAction] = Trigger.SkipComment,
        [ChangePhoneAction] = Trigger.ChangePhone,
        [ShareContactAction] = Trigger.ShareContact,
        [CancelPhoneAction] = Trigger.CancelPhone,
        [TextOnlyAction] = Trigger.TextOnly,
        [NumberRightAction] = Trigger.NumberRight,
    };

    /// <summary>The steps that take free text: the comment after a rating, and a new phone number (also typed straight after an unreached call).</summary>
    public void Handle(ConversationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (FeedbackStepData.TryRead(context.State.Data) is not { } data)
        {
            MenuScreen.Show(context);
            return;
        }

        if (context.Input.ButtonId is not null)
        {
            // Follow-up buttons never come here; any other is from an older message.
            context.Say("input.stale_button");
            context.AskAgain();
            return;
        }

        new Flow(context).Type(data);
    }

    /// <summary>The machine as a Mermaid diagram, for docs/flows.md and <c>-- flows</c>.</summary>
    public static string Describe(Content.BotContent content) =>
        Stateless.Graph.MermaidGraph.Format(new Flow(StartFlow.DescribeContext(content)).Info);

    /// <summary>Why a rating changes nothing, or null when it counts.</summary>
    private static string? RatingRefusal(Lead lead, string typed) =>
        !int.TryParse(typed, NumberStyles.None, CultureInfo.InvariantCulture, out var rating) || rating is < 1 or > 5 ? "feedback.rating_invalid"
        : lead.Status != LeadStatus.Done || lead.FeedbackAskedAt is null ? "feedback.not_done"
        : lead.Rating is not null ? "feedback.already_rated"
        : null;

    /// <summary>One turn of the follow-up: the machine over the chat's step.</summary>
    private sealed class Flow
    {
        private readonly TurnMachine<State, Trigger> _machine;
        private readonly Dictionary<Trigger, StateMachine<State, Trigger>.TriggerWithParameters<Lead>> _pressed = [];
        private readonly StateMachine<State, Trigger>.TriggerWithParameters<Lead, string> _rate;
        private readonly StateMachine<State, Trigger>.TriggerWithParameters<FeedbackStepData> _typed;
        private State _state;

        public Flow(ConversationContext context)
        {
            _state = _steps.StateOf(context.State.Step);
            _machine = new TurnMachine<State, Trigger>(() => _state, s => _state = s);
            foreach (var trigger in _actions.Values)
            {
                _pressed[trigger] = _machine.SetTriggerParameters<Lead>(trigger);
            }

            _rate = _machine.SetTriggerParameters<Lead, string>(Trigger.Rate);
            _typed = _machine.SetTriggerParameters<FeedbackStepData>(Trigger.Typed);
            var pressed = _pressed;

            _machine.Configure(State.Anywhere)
                .PermitIf(_rate, State.Comment, (lead, typed) => RatingRefusal(lead, typed) is null, "a rating 1 to 5 of a done request, not rated yet")
                .InternalTransitionIf(_rate, (lead, typed) => RatingRefusal(lead, typed) is not null, (lead, typed, _) => Refuse(context, RatingRefusal(lead, typed)!, lead.Number), "a rating that changes nothing")
                .Permit(Trigger.SkipRating, State.Resumed)
                .PermitIf(pressed[Trigger.ChangePhone], State.Phone, lead => lead.IsOpen, "the request is open")
                .PermitIf(pressed[Trigger.TextOnly], State.Resumed, lead => lead.IsOpen, "the request is open")
                .PermitIf(pressed[Trigger.NumberRight], State.Resumed, lead => lead.IsOpen, "the request is open")
                .InternalTransitionIf(Trigger.ChangePhone, args => args is [Lead { IsOpen: false }], t => Closed(t), "the request is closed")
                .InternalTransitionIf(Trigger.TextOnly, args => args is [Lead { IsOpen: false }], t => Closed(t), "the request is closed")
                .InternalTransitionIf(Trigger.NumberRight, args => args is [Lead { IsOpen: false }], t => Closed(t), "the request is closed");
            foreach (var state in (State[])[State.Elsewhere, State.Rating, State.Unreached, State.Comment, State.Phone])
            {
                _machine.Configure(state).SubstateOf(State.Anywhere);
            }

            _machine.Configure(State.Comment)
                .OnEntryFrom(_rate, (lead, typed) =>
                {
                    context.Emit(new RatingGiven(lead.Number, int.Parse(typed, NumberStyles.None, CultureInfo.InvariantCulture)));
                    context.Say("feedback.thanks");
                    var screen = LeadFeedbackScreens.Comment(context.Content.Texts, context.Language, lead.Number);
                    context.Ask(screen.Step, screen.Prompt, screen.Choices, new FeedbackStepData(lead.Number, ResumeFrom(context.State)).ToJson());
                }, "record the rating, ask for a few words")
                .PermitIf(pressed[Trigger.SkipComment], State.Resumed, lead => CurrentStepData(context, lead.Number) is not null, "about this request")
                .PermitIf(_typed, State.Resumed, _ => context.Input.Text is not null || context.Input.VoiceFileId is not null, "a text or a voice message")
                .InternalTransitionIf(_typed, _ => context.Input.Text is null && context.Input.VoiceFileId is null, (_, _) => NotAText(context), "neither a text nor a voice message");

            _machine.Configure(State.Phone)
                .OnEntryFrom(pressed[Trigger.ChangePhone], lead =>
                {
                    var screen = LeadFeedbackScreens.Phone(context.Content.Texts, context.Language, lead.Number);
                    context.Ask(screen.Step, screen.Prompt, screen.Choices, new FeedbackStepData(lead.Number, ResumeFrom(context.State)).ToJson());
                }, "ask for the new number")
                .InternalTransitionIf(pressed[Trigger.ShareContact], lead => CurrentStepData(context, lead.Number) is not null, (_, _) =>
                {
                    // Typed as a number, the reply keyboard's button cannot share anything: say how, or to type it.
                    context.Say("lead.phone.how_to_share");
                    context.AskAgain();
                }, "about this request")
                .PermitIf(pressed[Trigger.CancelPhone], State.Resumed, lead => CurrentStepData(context, lead.Number) is not null, "about this request")
                .InternalTransitionIf(_typed, _ => true, (data, _) => TakePhone(context, data), "a new number, typed or shared");
            _machine.Configure(State.Unreached)
                .InternalTransitionIf(_typed, _ => true, (data, _) => TakePhone(context, data), "a new number, typed or shared");

            _machine.Configure(State.Resumed)
                .OnEntryFrom(Trigger.SkipRating, () =>
                {
                    context.Say("feedback.rating_skipped");
                    ContinueWhereTheyWere(context);
                }, "say the rating was skipped, continue")
                .OnEntryFrom(pressed[Trigger.SkipComment], lead =>
                {
                    context.Say("feedback.comment_skipped");
                    Finish(context, CurrentStepData(context, lead.Number)!);
                }, "say the comment was skipped, go back")
                .OnEntryFrom(_typed, data => TakeComment(context, data), "keep the comment or the voice message, go back")
                .OnEntryFrom(pressed[Trigger.CancelPhone], lead =>
                {
                    context.Say("feedback.phone_kept");
                    Finish(context, CurrentStepData(context, lead.Number)!);
                }, "keep the number, go back")
                .OnEntryFrom(pressed[Trigger.TextOnly], lead => ChooseTextOnly(context, lead), "messages only, continue")
                .OnEntryFrom(pressed[Trigger.NumberRight], _ =>
                {
                    context.Say("feedback.number_right_done");
                    ContinueWhereTheyWere(context);
                }, "note the number is right, continue");

            void Closed(StateMachine<State, Trigger>.Transition transition) =>
                Refuse(context, "feedback.closed", ((Lead)transition.Parameters[0]).Number);
        }

        public Stateless.Reflection.StateMachineInfo Info => _machine.GetInfo();

        public bool Fire(Trigger trigger, Lead lead) => _machine.Try(_pressed[trigger], lead);

        public bool Rate(Lead lead, string typed)
        {
            _machine.Fire(_rate, lead, typed);
            return _machine.Handled;
        }

        public void Type(FeedbackStepData data) => _machine.Fire(_typed, data);
    }
}
