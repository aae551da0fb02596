using JumysBot.Conversations;

namespace JumysBot.Tests.Conversations;

/// <summary>A trigger the state does not take is "not mine", never an exception, and leaves the stored step alone.</summary>
public sealed class TurnMachineTests
{
    private enum Step
    {
        Asking,
        Done,
    }

    private enum Press
    {
        Name,
        Back,
    }

    private Step _stored = Step.Asking;
    private string? _name;

    [Fact]
    public void A_trigger_not_taken_says_so_and_leaves_the_stored_step()
    {
        var (machine, _) = Machine();

        Assert.False(machine.Try(Press.Back));
        Assert.False(machine.Handled);
        Assert.Equal(Step.Asking, _stored);
    }

    [Fact]
    public async Task A_trigger_taken_moves_the_stored_step_with_its_argument()
    {
        var (machine, name) = Machine();
        Assert.True(machine.Try(name, "Айгүл"));
        Assert.Equal((Step.Done, "Айгүл"), (_stored, _name));

        _stored = Step.Asking;
        var (again, againName) = Machine();
        Assert.True(await again.TryAsync(againName, "Асель"));
        Assert.Equal((Step.Done, "Асель"), (_stored, _name));
    }

    private (TurnMachine<Step, Press> Machine, TurnMachine<Step, Press>.TriggerWithParameters<string> Name) Machine()
    {
        var machine = new TurnMachine<Step, Press>(() => _stored, s => _stored = s);
        var name = machine.SetTriggerParameters<string>(Press.Name);
        machine.Configure(Step.Asking).Permit(Press.Name, Step.Done);
        machine.Configure(Step.Done).OnEntryFrom(name, typed => _name = typed);
        return (machine, name);
    }
}
