using System.Text.Json;
using JumysBot.Conversations;
using JumysBot.Updates;
using Stateless;
using Stateless.Graph;

namespace JumysBot.Leads.Requests;

/// <summary>
/// A request for a consultant, as a state machine: the flow's own question, consent, name, phone, how and when to
/// call, where, the disability group (optional), a comment or a voice message, a review, confirmation. The machine runs
/// over the step and draft kept with the conversation, bound to them for one update (<see cref="For"/>).
/// </summary>
public sealed partial class LeadFlow
{
    public const string StepPrefix = "lead.";

    // Configuring the machine (a dozen states, dozens of guards, each described) costs more than the turn itself, so
    // each thread keeps one configured flow and binds it to the turn at hand. A flow is used synchronously and let go
    // before the thread takes the next update, so no two turns ever share it.
    [ThreadStatic]
    private static LeadFlow? t_configured;

    private readonly StateMachine<LeadStep, LeadTrigger> _machine;
    private readonly LeadOptions _options;
    private ConversationContext _context = null!;
    private LeadQuestions _ask = null!;

    /// <summary>The person as the turn found them, before this turn's answers changed anything.</summary>
    private Person _person = null!;
    private readonly StateMachine<LeadStep, LeadTrigger>.TriggerWithParameters<string> _chose;
    private readonly StateMachine<LeadStep, LeadTrigger>.TriggerWithParameters<string> _typed;
    private readonly StateMachine<LeadStep, LeadTrigger>.TriggerWithParameters<SharedContact> _contactShared;
    private readonly StateMachine<LeadStep, LeadTrigger>.TriggerWithParameters<SharedLocation> _locationShared;
    private readonly StateMachine<LeadStep, LeadTrigger>.TriggerWithParameters<string> _voiceSent;
    private readonly StateMachine<LeadStep, LeadTrigger>.TriggerWithParameters<string> _edit;
    private LeadStep _step;

    private LeadFlow(LeadOptions options)
    {
        _options = options;
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

    public LeadDraft Draft { get; private set; } = null!;

    /// <summary>Set when the person confirmed: the draft to register.</summary>
    public bool Confirmed { get; private set; }

    /// <summary>The flow bound to this turn: its conversation, its draft and its step.</summary>
    public static LeadFlow For(ConversationContext context, LeadDraft draft, LeadStep step, LeadOptions options)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(options);
        var flow = t_configured is { } cached && ReferenceEquals(cached._options, options) ? cached : t_configured = new LeadFlow(options);
        flow._context = context;
        flow._person = context.Person;
        flow.Draft = draft;
        flow._step = step;
        flow.Confirmed = false;
        flow._ask = new LeadQuestions(context, () => flow.Draft, StepName, () => JsonSerializer.Serialize(flow.Draft, LeadJsonContext.Default.LeadDraft));
        return flow;
    }

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

    /// <summary>The flow as a Mermaid diagram, for docs/flows.md and <c>-- flows</c>; every kind of request shares it.</summary>
    public static string Describe(Content.BotContent content, LeadOptions options)
    {
        var input = new Incoming { ChatId = 0, UserId = 0 };
        var context = new ConversationContext(input, new Person(0), ConversationState.Fresh, content, money: null!);
        var flow = For(context, new LeadDraft { Kind = LeadKind.Training }, LeadStep.New, options);
        return MermaidGraph.Format(flow._machine.GetInfo());
    }

    private LeadStep FirstStep() => HasTopicStep() ? LeadStep.Topic : LeadStep.Consent;

    /// <summary>Grant and JOB COACH always ask their question; training and job only when no card chose the measure.</summary>
    private bool HasTopicStep() =>
        LeadTopics.AnswersFor(Draft.Kind).Count > 0 || (Draft.MeasureId is null && LeadTopics.MeasuresFor(Draft.Kind).Count > 0);

    private void Update(Func<LeadDraft, LeadDraft> change) => Draft = change(Draft);

    private static string Normalized(string phone) => KzPhone.TryParse(phone, out var normalized) ? normalized : phone;

    private static string Shorten(string text) => PersonWords.Cut(text, 1000);

    /// <summary>Anything the step cannot take: say what is wrong in the person's words, and ask again.</summary>
    private void AskAgain(LeadStep step, LeadTrigger trigger)
    {
        _context.Say((step, trigger) switch
        {
            // A voice message where letters or digits are needed: the same kind sentence at every such step.
            (_, LeadTrigger.VoiceSent) => "input.voice_not_here",
            (LeadStep.Phone, LeadTrigger.ContactShared) when _context.Input.Contact?.UserId != _context.Input.UserId => "lead.phone.not_own",
            (LeadStep.Phone, _) => "lead.phone.invalid",
            (LeadStep.Name, LeadTrigger.Typed or LeadTrigger.Chose) => "lead.name.invalid",
            (LeadStep.Place, LeadTrigger.Typed) => "lead.place.use_buttons",
            (_, LeadTrigger.ContactShared or LeadTrigger.LocationShared) => "input.not_expected",
            _ => "input.not_understood",
        });
        _context.AskAgain();
    }
}
