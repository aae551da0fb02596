using JumysBot.Conversations;
using JumysBot.Storage;
using Stateless;

namespace JumysBot.Outreach;

/// <summary>Writing an announcement as a state machine over the administrator's step: both texts, topics, places, preview, send.</summary>
public sealed partial class AnnouncementDesk
{
    /// <summary>The machine as a Mermaid diagram, for docs/flows.md and <c>-- flows</c>.</summary>
    public static string Describe(Content.BotContent content) =>
        Stateless.Graph.MermaidGraph.Format(new Flow(null!, null!, StartFlow.DescribeContext(content), new AnnouncementDraft(), CancellationToken.None).Info);

    /// <summary>One update of writing an announcement; the draft is kept with the step.</summary>
    private sealed class Flow
    {
        private readonly StateMachine<State, Trigger> _machine;
        private readonly StateMachine<State, Trigger>.TriggerWithParameters<string?> _text;
        private readonly StateMachine<State, Trigger>.TriggerWithParameters<AnnouncementTopic> _toggleTopic;
        private readonly StateMachine<State, Trigger>.TriggerWithParameters<string> _togglePlace;
        private readonly ConversationContext _context;
        private AnnouncementDraft _draft;
        private State _state;

        public Flow(AnnouncementDesk desk, StorageTransaction tx, ConversationContext context, AnnouncementDraft draft, CancellationToken cancellationToken)
        {
            _context = context;
            _draft = draft;
            _state = _steps.StateOf(context.State.Step);
            _machine = new StateMachine<State, Trigger>(() => _state, s => _state = s, FiringMode.Immediate);
            _text = _machine.SetTriggerParameters<string?>(Trigger.Text);
            _toggleTopic = _machine.SetTriggerParameters<AnnouncementTopic>(Trigger.ToggleTopic);
            _togglePlace = _machine.SetTriggerParameters<string>(Trigger.TogglePlace);
            _machine.OnUnhandledTrigger((_, _) =>
            {
                context.Say("input.not_understood");
                context.AskAgain();
            });

            _machine.Configure(State.Anywhere)
                .Permit(Trigger.Announce, State.Russian)
                .Permit(Trigger.Cancel, State.Cancelled);
            foreach (var state in (State[])[State.Elsewhere, State.Russian, State.Kazakh, State.Topics, State.Places, State.Preview])
            {
                _machine.Configure(state).SubstateOf(State.Anywhere);
            }

            _machine.Configure(State.Russian)
                .OnEntry(() => AskText(context, RussianStep, _draft), "ask the Russian text")
                .PermitIf(_text, State.Kazakh, IsFit, "a text that fits")
                .InternalTransitionIf(_text, t => !IsFit(t), (t, _) => Refuse(t), "empty or too long")
                .OnExitWith(_text, t => _draft = _draft with { TextRu = t!.Trim() }, "keep the Russian text");
            _machine.Configure(State.Kazakh)
                .OnEntry(() => AskText(context, KazakhStep, _draft), "ask the Kazakh text")
                .PermitIf(_text, State.Topics, IsFit, "a text that fits")
                .InternalTransitionIf(_text, t => !IsFit(t), (t, _) => Refuse(t), "empty or too long")
                .OnExitWith(_text, t => _draft = _draft with { TextKk = t!.Trim() }, "keep the Kazakh text");
            _machine.Configure(State.Topics)
                .OnEntry(() => AskTopics(context, _draft), "ask the topics")
                .PermitReentry(Trigger.ToggleTopic)
                .OnExitWith(_toggleTopic, t => _draft = _draft with { Topics = Toggle(_draft.Topics, t) }, "switch the topic")
                .PermitIf(Trigger.Next, State.Places, () => _draft.Topics.Count > 0, "a topic chosen")
                .InternalTransitionIf(
                    Trigger.Next,
                    _ => _draft.Topics.Count == 0,
                    () =>
                    {
                        context.Say("announce.choose_a_topic");
                        context.AskAgain();
                    },
                    "no topic chosen");
            _machine.Configure(State.Places)
                .OnEntry(() => AskPlaces(context, _draft), "ask the places")
                .PermitReentry(Trigger.TogglePlace)
                .OnExitWith(_togglePlace, p => _draft = _draft with { Places = Toggle(_draft.Places, p) }, "switch the place")
                .Permit(Trigger.Next, State.Preview);
            _machine.Configure(State.Preview)
                .OnEntryAsync(() => desk.PreviewAsync(tx, context, _draft, cancellationToken), "show it as people will see it, and to how many")
                .Permit(Trigger.Send, State.Launched);
            _machine.Configure(State.Launched)
                .OnEntryAsync(() => desk.LaunchAsync(tx, context, _draft, cancellationToken), "one outbox row per subscriber");
            _machine.Configure(State.Cancelled)
                .OnEntry(
                    () =>
                    {
                        context.Say("announce.cancelled");
                        MenuScreen.Show(context);
                    },
                    "say so, show the menu");
        }

        public Stateless.Reflection.StateMachineInfo Info => _machine.GetInfo();

        public async Task HandleAsync(bool announce, bool cancel)
        {
            var pressed = Pressed(_context);
            if (announce || cancel || pressed == Cancel)
            {
                await _machine.FireAsync(announce ? Trigger.Announce : Trigger.Cancel);
            }
            else if (pressed is null)
            {
                await _machine.FireAsync(_text, _context.Input.Text);
            }
            else if (pressed.StartsWith(TopicPrefix, StringComparison.Ordinal) && Enum.TryParse<AnnouncementTopic>(pressed[TopicPrefix.Length..], out var topic))
            {
                await _machine.FireAsync(_toggleTopic, topic);
            }
            else if (pressed.StartsWith(PlacePrefix, StringComparison.Ordinal) && _context.Content.Points.FindPlace(pressed[PlacePrefix.Length..]) is { } place)
            {
                await _machine.FireAsync(_togglePlace, place.Id);
            }
            else
            {
                await _machine.FireAsync(pressed == Next ? Trigger.Next : pressed == Send ? Trigger.Send : Trigger.Unclear);
            }
        }

        private static bool IsFit(string? text) => text?.Trim() is { Length: > 0 and <= MaxLength };

        private void Refuse(string? text)
        {
            _context.Say(string.IsNullOrEmpty(text?.Trim()) ? "announce.text_only" : "announce.too_long", ("max", MaxLength));
            _context.AskAgain();
        }
    }
}
