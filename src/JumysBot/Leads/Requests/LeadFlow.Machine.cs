using JumysBot.Conversations;
using JumysBot.Updates;
using Stateless.Reflection;
using static JumysBot.Conversations.FlowConfiguration;

namespace JumysBot.Leads.Requests;

/// <summary>The request flow's machine: each question, what it takes, and where each answer leads.</summary>
public sealed partial class LeadFlow
{
    private void Configure(LeadOptions options)
    {
        _machine.Configure(LeadStep.New)
            .PermitDynamic(LeadTrigger.Start, FirstStep, "the flow's first question", Possible((LeadStep.Topic, "the flow has its own question"), (LeadStep.Consent, "no question of its own")));

        _machine.Configure(LeadStep.Topic)
            .OnEntry(() => _ask.Topic(), "ask the flow's question")
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
                        _context.Emit(new FunnelStepReached("consented", Draft.Kind));
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
            .OnEntry(() => _ask.Phone(), "ask the phone")
            .PermitDynamicIf(_typed, _ => Next(LeadStep.Phone), KzPhone.IsValid, "a Kazakhstan number", NextOrReview(LeadStep.ContactMethod))
            .PermitDynamicIf(_contactShared, _ => Next(LeadStep.Phone), IsOwnKazakhNumber, "the person's own Kazakhstan number", NextOrReview(LeadStep.ContactMethod))
            .OnExitWith(_typed, phone => Update(d => d with { Phone = Normalized(phone) }), "record the phone")
            .OnExitWith(_contactShared, contact => Update(d => d with { Phone = Normalized(contact.PhoneNumber) }), "record the shared phone")
            .PermitDynamic(LeadTrigger.Back, () => Previous(LeadStep.Phone), "the step before", BackOrReview(LeadStep.Name));

        _machine.Configure(LeadStep.ContactMethod)
            .OnEntry(() => _ask.ContactMethod(), "ask how to contact")
            .PermitDynamicIf(
                _chose,
                c => Enum.Parse<ContactMethod>(c, true) == ContactMethod.Call ? LeadStep.ContactTime : Next(LeadStep.ContactTime),
                c => Enum.TryParse<ContactMethod>(c, true, out _),
                "call, Telegram or SMS",
                Possible((LeadStep.ContactTime, "a call"), (LeadStep.Place, "no point yet"), (LeadStep.Group, "group not known"), (LeadStep.Comment, "group known"), (LeadStep.Review, "changing an answer")))
            .OnExitWith(_chose, c => Update(d => d with { ContactMethod = Enum.Parse<ContactMethod>(c, true), ContactTime = null }), "record how to contact")
            .PermitDynamic(LeadTrigger.Back, () => Previous(LeadStep.ContactMethod), "the step before", BackOrReview(LeadStep.Phone));

        _machine.Configure(LeadStep.ContactTime)
            .OnEntry(() => _ask.ContactTime(), "ask when to call")
            .PermitDynamicIf(_chose, _ => Next(LeadStep.ContactTime), c => Enum.TryParse<ContactTime>(c, true, out _), "a time of day", AfterContact)
            .OnExitWith(_chose, c => Update(d => d with { ContactTime = Enum.Parse<ContactTime>(c, true) }), "record when to call")
            .Permit(LeadTrigger.Back, LeadStep.ContactMethod);

        _machine.Configure(LeadStep.Place)
            .OnEntry(() => _ask.Place(), "ask where")
            .PermitIf(_chose, LeadStep.PlaceList, c => c == "list", "choose from the list")
            .PermitDynamicIf(_locationShared, _ => Next(LeadStep.PlaceList), _ => true, "a shared location", AfterPlaceStates)
            .OnExitWith(_locationShared, l => Update(d => d with { Latitude = l.Latitude, Longitude = l.Longitude, PlaceId = null, PointId = null }), "record the location")
            .PermitDynamic(LeadTrigger.Back, () => Previous(LeadStep.Place), "the step before",
                Possible((LeadStep.ContactTime, "a call"), (LeadStep.ContactMethod, "no call"), (LeadStep.Review, "changing an answer")));

        _machine.Configure(LeadStep.PlaceList)
            .OnEntry(() => _ask.PlaceList(), "list the cities and districts")
            .PermitDynamicIf(_chose, _ => Next(LeadStep.PlaceList), c => _context.Content.Points.FindPlace(c) is not null, "a city or district", AfterPlaceStates)
            .OnExitWith(_chose, c => Update(d => d with { PlaceId = c, Latitude = null, Longitude = null, PointId = null }), "record the place")
            .Permit(LeadTrigger.Back, LeadStep.Place);

        _machine.Configure(LeadStep.Group)
            .OnEntry(() => _ask.Group(), "ask the group")
            .PermitDynamicIf(_chose, _ => Next(LeadStep.Group), c => Enum.TryParse<DisabilityGroup>(c, true, out _), "a group, or prefer not to say", NextOrReview(LeadStep.Comment))
            .OnExitWith(_chose, c => Update(d => d with { DisabilityGroup = Enum.Parse<DisabilityGroup>(c, true) }), "record the group")
            .PermitDynamic(LeadTrigger.Back, BeforeGroup, "the step before",
                Possible((LeadStep.Place, "no point yet"), (LeadStep.ContactTime, "a call to a chosen point"), (LeadStep.ContactMethod, "no call, a chosen point")));

        _machine.Configure(LeadStep.Comment)
            .OnEntry(() => _ask.Comment(), "ask for a comment")
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
                    _context.Person = _context.Person with { DisabilityGroup = Draft.DisabilityGroup ?? _person.DisabilityGroup };
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
            _person.ConsentVersion == options.ConsentVersion ? LeadStep.Name : LeadStep.Consent;

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
            LeadStep.Comment => _person.DisabilityGroup is null ? LeadStep.Group : BeforeGroup(),
            _ => LeadStep.Declined,
        };

        LeadStep AfterPlace() => _person.DisabilityGroup is null ? LeadStep.Group : LeadStep.Comment;

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
}
