using System.Text.Json;
using JumysBot.Conversations;
using Stateless;
using Stateless.Graph;
using Stateless.Reflection;
using static JumysBot.Conversations.FlowConfiguration;

namespace JumysBot.Leads;

/// <summary>
/// A request for a consultant, as a state machine: the flow's own question, consent, name, phone, how and when to
/// call, where, the disability group (optional), a comment or a voice message, a review, confirmation. The machine is
/// built afresh for each update over the step and draft kept with the conversation.
/// </summary>
public sealed class LeadFlow
{
    public const string StepPrefix = "lead.";

    private readonly StateMachine<LeadStep, LeadTrigger> _machine;
    private readonly ConversationContext _context;
    private readonly LeadQuestions _ask;
    private readonly StateMachine<LeadStep, LeadTrigger>.TriggerWithParameters<string> _chose;
    private readonly StateMachine<LeadStep, LeadTrigger>.TriggerWithParameters<string> _typed;
    private readonly StateMachine<LeadStep, LeadTrigger>.TriggerWithParameters<SharedContact> _contactShared;
    private readonly StateMachine<LeadStep, LeadTrigger>.TriggerWithParameters<SharedLocation> _locationShared;
    private readonly StateMachine<LeadStep, LeadTrigger>.TriggerWithParameters<string> _voiceSent;
    private readonly StateMachine<LeadStep, LeadTrigger>.TriggerWithParameters<string> _edit;
    private LeadStep _step;

    public LeadFlow(ConversationContext context, LeadDraft draft, LeadStep step, LeadOptions options)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(options);
        _context = context;
        Draft = draft;
        _step = step;
        _ask = new LeadQuestions(context, () => Draft, StepName, () => JsonSerializer.Serialize(Draft, LeadJsonContext.Default.LeadDraft));
        _machine = new StateMachine<LeadStep, LeadTrigger>(() => _step, s => _step = s, FiringMode.Immediate);
        _chose = _machine.SetTriggerParameters<string>(LeadTrigger.Chose);
        _typed = _machine.SetTriggerParameters<string>(LeadTrigger.Typed);
        _contactShared = _machine.SetTriggerParameters<SharedContact>(LeadTrigger.ContactShared);
        _locationShared = _machine.SetTriggerParameters<SharedLocation>(LeadTrigger.LocationShared);
        _voiceSent = _machine.SetTriggerParameters<string>(LeadTrigger.VoiceSent);
        _edit = _machine.SetTriggerParameters<string>(LeadTrigger.Edit);
        Configure(options);
        _machine.OnUnhandledTrigger(AskAgain);
    }

    public LeadDraft Draft { get; private set; }

    /// <summary>Set when the person confirmed: the draft to register.</summary>
    public bool Confirmed { get; private set; }

    public static string StepName(LeadStep step) => StepPrefix + step.ToString().ToLowerInvariant();

    public static bool TryParseStep(string step, out LeadStep parsed)
    {
        parsed = default;
        return step.StartsWith(StepPrefix, StringComparison.Ordinal)
            && Enum.TryParse(step[StepPrefix.Length..], ignoreCase: true, out parsed);
    }

    /// <summary>Starts the flow at its first question.</summary>
    public void Start()
    {
        _step = LeadStep.New;
        _machine.Fire(LeadTrigger.Start);
    }

    /// <summary>Turns what the person did into a trigger and fires it.</summary>
    public void Handle(Incoming input, string? choiceId)
    {
        ArgumentNullException.ThrowIfNull(input);
        switch (choiceId)
        {
            case LeadQuestions.Agree: _machine.Fire(LeadTrigger.Agree); return;
            case LeadQuestions.Decline: _machine.Fire(LeadTrigger.Decline); return;
            case LeadQuestions.Back: _machine.Fire(LeadTrigger.Back); return;
            case LeadQuestions.Skip: _machine.Fire(LeadTrigger.Skip); return;
            case LeadQuestions.Confirm: _machine.Fire(LeadTrigger.Confirm); return;
            case LeadQuestions.FromList: _machine.Fire(_chose, "list"); return;
            case LeadQuestions.ShareContact or LeadQuestions.ShareLocation:
                // Typed as a number, such a button cannot share anything: say how to share, or to type it.
                _context.Say(choiceId == LeadQuestions.ShareContact ? "lead.phone.how_to_share" : "lead.place.how_to_share");
                _context.AskAgain();
                return;
            case { } id when id.StartsWith(LeadQuestions.EditPrefix, StringComparison.Ordinal):
                _machine.Fire(_edit, id[LeadQuestions.EditPrefix.Length..]);
                return;
            case { } id when id.StartsWith(LeadQuestions.ChosePrefix, StringComparison.Ordinal):
                _machine.Fire(_chose, id[LeadQuestions.ChosePrefix.Length..]);
                return;
        }

        if (input.Contact is { } contact)
        {
            _machine.Fire(_contactShared, contact);
        }
        else if (input.Location is { } location)
        {
            _machine.Fire(_locationShared, location);
        }
        else if (input.VoiceFileId is { } voice)
        {
            _machine.Fire(_voiceSent, voice);
        }
        else if (input.Text is { } text)
        {
            _machine.Fire(_typed, text);
        }
        else
        {
            _context.Say("input.unreadable");
            _context.AskAgain();
        }
    }

    /// <summary>The flow as a Mermaid diagram, for the README and <c>-- flows</c>; every kind of request shares it.</summary>
    public static string Describe(Catalog.BotContent content, LeadOptions options)
    {
        var input = new Incoming { ChatId = 0, UserId = 0 };
        var context = new ConversationContext(input, new Person(0), ConversationState.Fresh, content, money: null!);
        var flow = new LeadFlow(context, new LeadDraft { Kind = LeadKind.Training }, LeadStep.New, options);
        return MermaidGraph.Format(flow._machine.GetInfo());
    }

    private void Configure(LeadOptions options)
    {
        var person = _context.Person;
        _machine.Configure(LeadStep.New)
            .PermitDynamic(LeadTrigger.Start, FirstStep, "the flow's first question", Possible((LeadStep.Topic, "the flow has its own question"), (LeadStep.Consent, "no question of its own")));

        _machine.Configure(LeadStep.Topic)
            .OnEntry(_ask.Topic, "ask the flow's question")
            .PermitDynamicIf(_chose, _ => Next(LeadStep.Topic), IsTopic, "one of this flow's answers", Possible((LeadStep.Consent, "consent not given yet"), (LeadStep.Name, "consent given before")))
            .OnExitWith(_chose, topic => Update(d => d with { Topic = topic }), "record the topic")
            .Permit(LeadTrigger.Back, LeadStep.Declined);

        _machine.Configure(LeadStep.Consent)
            .OnEntry(() => _ask.Consent(options.Operator.In(_context.Language), options.RetentionDays), "ask for consent")
            .Permit(LeadTrigger.Agree, LeadStep.Name)
            .Permit(LeadTrigger.Decline, LeadStep.Declined)
            .PermitDynamic(LeadTrigger.Back, () => Previous(LeadStep.Consent), "the step before", Possible((LeadStep.Topic, "the flow has its own question"), (LeadStep.Declined, "no question of its own")));

        _machine.Configure(LeadStep.Name)
            .OnEntry(
                t =>
                {
                    if (t.Trigger == LeadTrigger.Agree)
                    {
                        _context.Person = _context.Person with { ConsentVersion = options.ConsentVersion, ConsentAt = _context.Now };
                        _context.FunnelEvents.Add(("consented", Draft.Kind));
                    }

                    _ask.Name(PersonName.Clean(_context.Input.FirstName));
                },
                "record consent, ask the name")
            .PermitDynamicIf(_typed, _ => Next(LeadStep.Name), PersonName.IsValid, "a name", NextOrReview(LeadStep.Phone))
            .PermitDynamicIf(_chose, _ => Next(LeadStep.Name), c => c == "telegram" && PersonName.IsValid(_context.Input.FirstName), "the Telegram name", NextOrReview(LeadStep.Phone))
            .OnExitWith(_typed, name => Update(d => d with { Name = PersonName.Clean(name) }), "record the name")
            .OnExitWith(_chose, _ => Update(d => d with { Name = PersonName.Clean(_context.Input.FirstName!) }), "record the Telegram name")
            .PermitDynamic(LeadTrigger.Back, () => Previous(LeadStep.Name), "the step before", BackOrReview(LeadStep.Consent));

        _machine.Configure(LeadStep.Phone)
            .OnEntry(_ask.Phone, "ask the phone")
            .PermitDynamicIf(_typed, _ => Next(LeadStep.Phone), KzPhone.IsValid, "a Kazakhstan number", NextOrReview(LeadStep.ContactMethod))
            .PermitDynamicIf(_contactShared, _ => Next(LeadStep.Phone), IsOwnKazakhNumber, "the person's own Kazakhstan number", NextOrReview(LeadStep.ContactMethod))
            .OnExitWith(_typed, phone => Update(d => d with { Phone = Normalized(phone) }), "record the phone")
            .OnExitWith(_contactShared, contact => Update(d => d with { Phone = Normalized(contact.PhoneNumber) }), "record the shared phone")
            .PermitDynamic(LeadTrigger.Back, () => Previous(LeadStep.Phone), "the step before", BackOrReview(LeadStep.Name));

        _machine.Configure(LeadStep.ContactMethod)
            .OnEntry(_ask.ContactMethod, "ask how to contact")
            .PermitDynamicIf(
                _chose,
                c => Enum.Parse<ContactMethod>(c, true) == ContactMethod.Call ? LeadStep.ContactTime : Next(LeadStep.ContactTime),
                c => Enum.TryParse<ContactMethod>(c, true, out _),
                "call, Telegram or SMS",
                Possible((LeadStep.ContactTime, "a call"), (LeadStep.Place, "no point yet"), (LeadStep.Group, "group not known"), (LeadStep.Comment, "group known"), (LeadStep.Review, "changing an answer")))
            .OnExitWith(_chose, c => Update(d => d with { ContactMethod = Enum.Parse<ContactMethod>(c, true), ContactTime = null }), "record how to contact")
            .PermitDynamic(LeadTrigger.Back, () => Previous(LeadStep.ContactMethod), "the step before", BackOrReview(LeadStep.Phone));

        _machine.Configure(LeadStep.ContactTime)
            .OnEntry(_ask.ContactTime, "ask when to call")
            .PermitDynamicIf(_chose, _ => Next(LeadStep.ContactTime), c => Enum.TryParse<ContactTime>(c, true, out _), "a time of day", AfterContact)
            .OnExitWith(_chose, c => Update(d => d with { ContactTime = Enum.Parse<ContactTime>(c, true) }), "record when to call")
            .Permit(LeadTrigger.Back, LeadStep.ContactMethod);

        _machine.Configure(LeadStep.Place)
            .OnEntry(_ask.Place, "ask where")
            .PermitIf(_chose, LeadStep.PlaceList, c => c == "list", "choose from the list")
            .PermitDynamicIf(_locationShared, _ => Next(LeadStep.PlaceList), _ => true, "a shared location", AfterPlaceStates)
            .OnExitWith(_locationShared, l => Update(d => d with { Latitude = l.Latitude, Longitude = l.Longitude, PlaceId = null, PointId = null }), "record the location")
            .PermitDynamic(LeadTrigger.Back, () => Previous(LeadStep.Place), "the step before",
                Possible((LeadStep.ContactTime, "a call"), (LeadStep.ContactMethod, "no call"), (LeadStep.Review, "changing an answer")));

        _machine.Configure(LeadStep.PlaceList)
            .OnEntry(_ask.PlaceList, "list the cities and districts")
            .PermitDynamicIf(_chose, _ => Next(LeadStep.PlaceList), c => _context.Content.Points.FindPlace(c) is not null, "a city or district", AfterPlaceStates)
            .OnExitWith(_chose, c => Update(d => d with { PlaceId = c, Latitude = null, Longitude = null, PointId = null }), "record the place")
            .Permit(LeadTrigger.Back, LeadStep.Place);

        _machine.Configure(LeadStep.Group)
            .OnEntry(_ask.Group, "ask the group")
            .PermitDynamicIf(_chose, _ => Next(LeadStep.Group), c => Enum.TryParse<DisabilityGroup>(c, true, out _), "a group, or prefer not to say", NextOrReview(LeadStep.Comment))
            .OnExitWith(_chose, c => Update(d => d with { DisabilityGroup = Enum.Parse<DisabilityGroup>(c, true) }), "record the group")
            .PermitDynamic(LeadTrigger.Back, BeforeGroup, "the step before",
                Possible((LeadStep.Place, "no point yet"), (LeadStep.ContactTime, "a call to a chosen point"), (LeadStep.ContactMethod, "no call, a chosen point")));

        _machine.Configure(LeadStep.Comment)
            .OnEntry(_ask.Comment, "ask for a comment")
            .PermitIf(_typed, LeadStep.Review, t => !string.IsNullOrWhiteSpace(t), "a short comment")
            .PermitIf(_voiceSent, LeadStep.Review, _ => true, "a voice message")
            .Permit(LeadTrigger.Skip, LeadStep.Review)
            .OnExitWith(_typed, t => Update(d => d with { Comment = Shorten(t), VoiceFileId = null }), "record the comment")
            .OnExitWith(_voiceSent, v => Update(d => d with { VoiceFileId = v, Comment = null }), "record the voice message")
            .PermitDynamic(LeadTrigger.Back, () => Previous(LeadStep.Comment), "the step before",
                Possible((LeadStep.Group, "group not known"), (LeadStep.Place, "no point yet"), (LeadStep.ContactTime, "a call to a chosen point"), (LeadStep.ContactMethod, "no call, a chosen point"), (LeadStep.Review, "changing an answer")));

        _machine.Configure(LeadStep.Review)
            .OnEntry(
                () =>
                {
                    Update(d => d with { Editing = false });
                    _ask.Review();
                },
                "show the request to confirm")
            .Permit(LeadTrigger.Confirm, LeadStep.Done)
            .PermitIf(_edit, LeadStep.Name, e => e == "name", "change the name")
            .PermitIf(_edit, LeadStep.Phone, e => e == "phone", "change the phone")
            .PermitIf(_edit, LeadStep.ContactMethod, e => e == "method", "change how to contact")
            .PermitIf(_edit, LeadStep.Place, e => e == "place", "change the place")
            .PermitIf(_edit, LeadStep.Comment, e => e == "comment", "change the comment")
            .OnExitWith(_edit, _ => Update(d => d with { Editing = true }), "start changing an answer")
            .Permit(LeadTrigger.Back, LeadStep.Comment);

        _machine.Configure(LeadStep.Done)
            .OnEntry(
                () =>
                {
                    Confirmed = true;
                    _context.Person = _context.Person with { DisabilityGroup = Draft.DisabilityGroup ?? person.DisabilityGroup };
                    MenuScreen.Show(_context);
                },
                "register the request");

        _machine.Configure(LeadStep.Declined)
            .OnEntry(
                t =>
                {
                    _context.Say(t.Trigger == LeadTrigger.Decline ? "lead.consent.declined" : "lead.stopped");
                    MenuScreen.Show(_context);
                },
                "say so, show the menu");

        bool IsTopic(string topic) =>
            LeadTopics.MeasuresFor(Draft.Kind).Contains(topic) || LeadTopics.AnswersFor(Draft.Kind).Contains(topic);

        bool IsOwnKazakhNumber(SharedContact contact) => contact.UserId == _context.Input.UserId && KzPhone.IsValid(contact.PhoneNumber);

        LeadStep FirstStepAfterTopic() =>
            person.ConsentVersion == options.ConsentVersion ? LeadStep.Name : LeadStep.Consent;

        LeadStep Next(LeadStep answered) => Draft.Editing ? LeadStep.Review : answered switch
        {
            LeadStep.Topic => FirstStepAfterTopic(),
            LeadStep.Name => LeadStep.Phone,
            LeadStep.Phone => LeadStep.ContactMethod,
            LeadStep.ContactTime => Draft.PointId is null ? LeadStep.Place : AfterPlace(),
            LeadStep.PlaceList => AfterPlace(),
            LeadStep.Group => LeadStep.Comment,
            _ => LeadStep.Review,
        };

        LeadStep Previous(LeadStep current) => Draft.Editing ? LeadStep.Review : current switch
        {
            LeadStep.Consent => HasTopicStep() ? LeadStep.Topic : LeadStep.Declined,
            LeadStep.Name => LeadStep.Consent,
            LeadStep.Phone => LeadStep.Name,
            LeadStep.ContactMethod => LeadStep.Phone,
            LeadStep.Place => Draft.ContactMethod == ContactMethod.Call ? LeadStep.ContactTime : LeadStep.ContactMethod,
            LeadStep.Comment => person.DisabilityGroup is null ? LeadStep.Group : BeforeGroup(),
            _ => LeadStep.Declined,
        };

        LeadStep AfterPlace() => person.DisabilityGroup is null ? LeadStep.Group : LeadStep.Comment;

        // A point chosen through its start link needs no place: before the group comes how to contact.
        LeadStep BeforeGroup() => Draft.PointId is null ? LeadStep.Place
            : Draft.ContactMethod == ContactMethod.Call ? LeadStep.ContactTime : LeadStep.ContactMethod;
    }

    private static DynamicStateInfos NextOrReview(LeadStep next) => Possible((next, "the next question"), (LeadStep.Review, "changing an answer"));

    private static DynamicStateInfos BackOrReview(LeadStep previous) => Possible((previous, "the question before"), (LeadStep.Review, "changing an answer"));

    private static DynamicStateInfos AfterContact =>
        Possible((LeadStep.Place, "no point yet"), (LeadStep.Group, "group not known"), (LeadStep.Comment, "group known"), (LeadStep.Review, "changing an answer"));

    private static DynamicStateInfos AfterPlaceStates =>
        Possible((LeadStep.Group, "group not known"), (LeadStep.Comment, "group known"), (LeadStep.Review, "changing an answer"));

    private LeadStep FirstStep() => HasTopicStep() ? LeadStep.Topic : LeadStep.Consent;

    /// <summary>Grant and JOB COACH always ask their question; training and job only when no card chose the measure.</summary>
    private bool HasTopicStep() =>
        LeadTopics.AnswersFor(Draft.Kind).Count > 0 || (Draft.MeasureId is null && LeadTopics.MeasuresFor(Draft.Kind).Count > 0);

    private void Update(Func<LeadDraft, LeadDraft> change) => Draft = change(Draft);

    private static string Normalized(string phone) => KzPhone.TryParse(phone, out var normalized) ? normalized : phone;

    private static string Shorten(string text) => text.Length <= 1000 ? text.Trim() : text[..1000].Trim() + "…";

    /// <summary>Anything the step cannot take: say what is wrong in the person's words, and ask again.</summary>
    private void AskAgain(LeadStep step, LeadTrigger trigger)
    {
        _context.Say((step, trigger) switch
        {
            (LeadStep.Phone, LeadTrigger.ContactShared) when _context.Input.Contact?.UserId != _context.Input.UserId => "lead.phone.not_own",
            (LeadStep.Phone, _) => "lead.phone.invalid",
            (LeadStep.Name, LeadTrigger.Typed or LeadTrigger.Chose) => "lead.name.invalid",
            (LeadStep.Place, LeadTrigger.Typed) => "lead.place.use_buttons",
            (_, LeadTrigger.ContactShared or LeadTrigger.LocationShared or LeadTrigger.VoiceSent) => "input.not_expected",
            _ => "input.not_understood",
        });
        _context.AskAgain();
    }
}
