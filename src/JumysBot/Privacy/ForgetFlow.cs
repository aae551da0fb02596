using JumysBot.Catalog;
using JumysBot.Content;
using JumysBot.Conversations;
using Stateless;
using Stateless.Graph;

namespace JumysBot.Privacy;

/// <summary>/forget and «Удалить мои данные»: asks once to confirm, then the whole profile is erased.</summary>
public sealed class ForgetFlow : IChoiceHandler
{
    public const string AskId = "f:ask";
    private const string ConfirmStep = "forget.confirm";
    private const string YesId = "f:yes";
    private const string NoId = "f:no";

    private enum State
    {
        /// <summary>Any step: /forget and «keep my data» work from all of them.</summary>
        Anywhere,
        Elsewhere,
        Confirming,
        Erased,
        Menu,
    }

    private enum Trigger
    {
        Ask,
        Yes,
        No,
    }

    public IReadOnlyList<string> Prefixes { get; } = ["f:"];

    public static void Ask(ConversationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        new Flow(context).Fire(Trigger.Ask, fromCurrentScreen: true);
    }

    public bool OnChoice(ConversationContext context, string choiceId, bool fromCurrentScreen)
    {
        ArgumentNullException.ThrowIfNull(context);
        return choiceId switch
        {
            AskId => new Flow(context).Fire(Trigger.Ask, fromCurrentScreen),
            YesId => new Flow(context).Fire(Trigger.Yes, fromCurrentScreen),
            NoId => new Flow(context).Fire(Trigger.No, fromCurrentScreen),
            _ => false,
        };
    }

    /// <summary>The machine as a Mermaid diagram, for docs/flows.md and <c>-- flows</c>.</summary>
    public static string Describe(BotContent content) => MermaidGraph.Format(new Flow(StartFlow.DescribeContext(content)).Info);

    /// <summary>One turn: the machine over the chat's step.</summary>
    private sealed class Flow
    {
        private readonly TurnMachine<State, Trigger> _machine;
        private readonly StateMachine<State, Trigger>.TriggerWithParameters<bool> _yes;
        private State _state;

        public Flow(ConversationContext context)
        {
            _state = context.State.Step == ConfirmStep ? State.Confirming : State.Elsewhere;
            _machine = new TurnMachine<State, Trigger>(() => _state, s => _state = s);
            _yes = _machine.SetTriggerParameters<bool>(Trigger.Yes);

            _machine.Configure(State.Anywhere)
                .Permit(Trigger.Ask, State.Confirming)
                .Permit(Trigger.No, State.Menu);
            _machine.Configure(State.Elsewhere).SubstateOf(State.Anywhere);
            _machine.Configure(State.Confirming)
                .SubstateOf(State.Anywhere)
                .OnEntry(
                    () => context.Ask(ConfirmStep, context.Text("forget.question"),
                    [
                        new(YesId, context.Text("forget.yes")),
                        new(NoId, context.Text("forget.no")),
                    ]),
                    "ask to confirm")
                .PermitIf(_yes, State.Erased, fromCurrentScreen => fromCurrentScreen, "pressed on the question itself");

            // Erasing is the store's work, in this update's transaction; the person is told when it is done.
            _machine.Configure(State.Erased)
                .OnEntry(
                    () =>
                    {
                        context.Emit(new ErasureConfirmed(context.Input.UserId, context.Input.ChatId));
                        context.Say("forget.done");
                    },
                    "erase in this update's transaction");
            _machine.Configure(State.Menu)
                .OnEntry(
                    () =>
                    {
                        context.Say("forget.kept");
                        MenuScreen.Show(context);
                    },
                    "say the data is kept, show the menu");
        }

        public Stateless.Reflection.StateMachineInfo Info => _machine.GetInfo();

        public bool Fire(Trigger trigger, bool fromCurrentScreen) =>
            trigger == Trigger.Yes ? _machine.Try(_yes, fromCurrentScreen) : _machine.Try(trigger);
    }
}
