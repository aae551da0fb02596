using JumysBot.Conversations.StateMachines;

namespace JumysBot.Tests.Conversations.StateMachines;

public sealed class StateMachineTests
{
    private enum State
    {
        Idle,
        Asking,
        Done,
    }

    private enum Trigger
    {
        Go,
        Answer,
        Noise,
        Back,
    }

    [Fact]
    public void Permit_moves_to_the_target_and_runs_its_entry()
    {
        var state = State.Idle;
        var entered = 0;
        var machine = new StateMachine<State, Trigger>(() => state, s => state = s);
        machine.Configure(State.Idle).Permit(Trigger.Go, State.Asking);
        machine.Configure(State.Asking).OnEntry(() => entered++);

        machine.Fire(Trigger.Go);

        Assert.Equal(State.Asking, state);
        Assert.Equal(1, entered);
    }

    [Fact]
    public void A_guard_that_fails_leaves_the_state_and_reaches_the_unhandled_handler()
    {
        var state = State.Asking;
        var machine = new StateMachine<State, Trigger>(() => state, s => state = s);
        var answer = machine.SetTriggerParameters<string>(Trigger.Answer);
        machine.Configure(State.Asking).PermitIf(answer, State.Done, a => a.Length > 2, "at least three letters");
        (State, Trigger)? unhandled = null;
        machine.OnUnhandledTrigger((s, t) => unhandled = (s, t));

        machine.Fire(answer, "no");

        Assert.Equal(State.Asking, state);
        Assert.Equal((State.Asking, Trigger.Answer), unhandled);

        machine.Fire(answer, "yes");
        Assert.Equal(State.Done, state);
    }

    [Fact]
    public void An_answer_is_recorded_on_exit_with_the_triggers_argument()
    {
        var state = State.Asking;
        string? recorded = null;
        var machine = new StateMachine<State, Trigger>(() => state, s => state = s);
        var answer = machine.SetTriggerParameters<string>(Trigger.Answer);
        machine.Configure(State.Asking)
            .PermitIf(answer, State.Done, _ => true, "anything")
            .OnExitWith(answer, a => recorded = a)
            .Permit(Trigger.Back, State.Idle);

        machine.Fire(Trigger.Back);
        Assert.Null(recorded);

        state = State.Asking;
        machine.Fire(answer, "Айгүл");
        Assert.Equal("Айгүл", recorded);
    }

    [Fact]
    public void An_ignored_trigger_does_nothing_and_an_unknown_one_throws_without_a_handler()
    {
        var state = State.Idle;
        var machine = new StateMachine<State, Trigger>(() => state, s => state = s);
        machine.Configure(State.Idle).Ignore(Trigger.Noise);

        machine.Fire(Trigger.Noise);

        Assert.Equal(State.Idle, state);
        Assert.False(machine.CanFire(Trigger.Go));
        Assert.Throws<InvalidOperationException>(() => machine.Fire(Trigger.Go));
    }

    [Fact]
    public void PermitDynamic_chooses_the_target_when_fired()
    {
        var state = State.Asking;
        var editing = true;
        var machine = new StateMachine<State, Trigger>(() => state, s => state = s);
        machine.Configure(State.Asking).PermitDynamic(Trigger.Go, () => editing ? State.Done : State.Idle, State.Done, State.Idle);

        machine.Fire(Trigger.Go);

        Assert.Equal(State.Done, state);
    }

    [Fact]
    public void The_state_lives_outside_so_a_new_machine_continues_where_the_old_one_stopped()
    {
        var stored = State.Idle;
        StateMachine<State, Trigger> Build()
        {
            var machine = new StateMachine<State, Trigger>(() => stored, s => stored = s);
            machine.Configure(State.Idle).Permit(Trigger.Go, State.Asking);
            machine.Configure(State.Asking).Permit(Trigger.Go, State.Done);
            return machine;
        }

        Build().Fire(Trigger.Go);
        Build().Fire(Trigger.Go);

        Assert.Equal(State.Done, stored);
    }

    [Fact]
    public void The_graph_is_exported_as_mermaid_with_guard_descriptions()
    {
        var state = State.Idle;
        var machine = new StateMachine<State, Trigger>(() => state, s => state = s);
        var answer = machine.SetTriggerParameters<string>(Trigger.Answer);
        machine.Configure(State.Idle).Permit(Trigger.Go, State.Asking);
        machine.Configure(State.Asking).PermitIf(answer, State.Done, _ => true, "a name").Permit(Trigger.Back, State.Idle);

        var graph = MermaidGraph.Format(machine.GetInfo(), "Idle");

        Assert.Equal(
            """
            stateDiagram-v2
                [*] --> Idle
                Idle --> Asking : Go
                Asking --> Done : Answer [a name]
                Asking --> Idle : Back

            """.Replace("\r", "", StringComparison.Ordinal),
            graph);
    }
}
