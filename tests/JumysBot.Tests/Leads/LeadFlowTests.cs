using JumysBot.Conversations;
using JumysBot.Leads.Requests;
using JumysBot.Leads;
using JumysBot.Tests.Conversations;
using JumysBot.Updates;

namespace JumysBot.Tests.Leads;

/// <summary>The request flow's machine alone: configure a step, fire what the person did, assert where it went.</summary>
public sealed class LeadFlowTests
{
    private static readonly LeadOptions _options = new();
    private static readonly LeadDraft _draft = new() { Kind = LeadKind.Job, Name = "Айгүл" };

    [Theory]
    [InlineData("[*] --> New")]
    [InlineData("Consent --> Name : Agree")]
    [InlineData("Consent --> Declined : Decline")]
    [InlineData("Topic --> Declined : Back")]
    [InlineData(" : Typed [a Kazakhstan number]")]
    [InlineData(" : ContactShared [the person's own Kazakhstan number]")]
    [InlineData(" --> Review : Typed [changing an answer]")]
    [InlineData("Place --> PlaceList : Chose [choose from the list]")]
    [InlineData("Comment --> Review : VoiceSent [a voice message]")]
    [InlineData("Comment --> Review : Skip")]
    [InlineData("Review --> Done : Confirm")]
    [InlineData("Review --> Name : Edit [change the name]")]
    [InlineData("Review --> Comment : Edit [change the comment]")]
    public void The_diagram_keeps_this_transition(string line) =>
        Assert.Contains(line, LeadFlow.Describe(TestConversation.Content.Current, _options), StringComparison.Ordinal);

    [Fact]
    public void No_personal_data_is_asked_before_consent()
    {
        var graph = LeadFlow.Describe(TestConversation.Content.Current, _options);

        Assert.DoesNotContain("Topic --> Phone", graph, StringComparison.Ordinal);
        Assert.DoesNotContain("Topic --> Name", graph, StringComparison.Ordinal);
        Assert.DoesNotContain("New --> Name", graph, StringComparison.Ordinal);
    }

    [Fact]
    public void A_job_request_starts_with_its_own_question()
    {
        var context = TestTurn.Typed("/start", ConversationState.Fresh);

        LeadFlow.For(context, _draft, LeadStep.New, _options).Start();

        Assert.Equal("lead.topic", context.State.Step);
    }

    [Fact]
    public void One_turn_leaves_nothing_behind_for_the_next_on_the_same_thread()
    {
        // A person who consented before goes straight to the name; the next person, who has not, is asked for consent.
        var consented = TestTurn.Pressed("x", AskedAt("lead.topic"), new Person(1) { ConsentVersion = _options.ConsentVersion });
        var first = LeadFlow.For(consented, _draft, LeadStep.Consent, _options);
        first.Handle(consented.Input, LeadQuestions.Agree);
        var stranger = TestTurn.Typed("/start", ConversationState.Fresh);

        var second = LeadFlow.For(stranger, _draft with { Name = null }, LeadStep.New, _options);
        second.Start();

        Assert.Equal("lead.topic", stranger.State.Step);
        Assert.False(second.Confirmed);
        Assert.Null(second.Draft.Name);
        Assert.Null(stranger.Person.ConsentVersion);
    }

    [Fact]
    public void Agreeing_records_the_consent_and_asks_the_name()
    {
        var context = TestTurn.Pressed(LeadQuestions.Agree, AskedAt("lead.consent"), new Person(1));

        LeadFlow.For(context, _draft, LeadStep.Consent, _options).Handle(context.Input, LeadQuestions.Agree);

        Assert.Equal("lead.name", context.State.Step);
        Assert.Equal(_options.ConsentVersion, context.Person.ConsentVersion);
    }

    [Fact]
    public void A_kazakhstan_number_is_stored_normalized_and_how_to_contact_is_asked()
    {
        var context = TestTurn.Typed("8 701 123 45 67", AskedAt("lead.phone"));
        var flow = LeadFlow.For(context, _draft, LeadStep.Phone, _options);

        flow.Handle(context.Input, choiceId: null);

        Assert.Equal("+77011234567", flow.Draft.Phone);
        Assert.Equal("lead.contactmethod", context.State.Step);
    }

    [Fact]
    public void A_wrong_number_is_refused_and_the_same_question_asked_again()
    {
        var context = TestTurn.Typed("12345", AskedAt("lead.phone"));
        var flow = LeadFlow.For(context, _draft, LeadStep.Phone, _options);

        flow.Handle(context.Input, choiceId: null);

        Assert.Null(flow.Draft.Phone);
        Assert.Equal("lead.phone", context.State.Step);
        Assert.Equal([TestTurn.Text("lead.phone.invalid"), "Again?"], context.Messages.Select(m => m.Text));
    }

    [Fact]
    public void Someone_elses_contact_is_refused_as_not_their_own()
    {
        var input = new Incoming { ChatId = 1, UserId = 1, Contact = new SharedContact("+77011234567", 2) };
        var context = TestTurn.Context(input, AskedAt("lead.phone"));
        var flow = LeadFlow.For(context, _draft, LeadStep.Phone, _options);

        flow.Handle(input, choiceId: null);

        Assert.Null(flow.Draft.Phone);
        Assert.Equal(TestTurn.Text("lead.phone.not_own"), context.Messages[0].Text);
    }

    [Fact]
    public void While_changing_an_answer_the_next_step_is_the_review_again()
    {
        var context = TestTurn.Typed("Сауле", AskedAt("lead.name"));
        var flow = LeadFlow.For(context, _draft with { Editing = true, Phone = "+77011234567" }, LeadStep.Name, _options);

        flow.Handle(context.Input, choiceId: null);

        Assert.Equal("Сауле", flow.Draft.Name);
        Assert.False(flow.Draft.Editing);
        Assert.Equal("lead.review", context.State.Step);
    }

    [Fact]
    public void Confirming_the_review_registers_the_request_and_shows_the_menu()
    {
        var context = TestTurn.Pressed(LeadQuestions.Confirm, AskedAt("lead.review"));
        var flow = LeadFlow.For(context, _draft, LeadStep.Review, _options);

        flow.Handle(context.Input, LeadQuestions.Confirm);

        Assert.True(flow.Confirmed);
        Assert.Equal(Steps.Menu, context.State.Step);
    }

    private static ConversationState AskedAt(string step) =>
        new(step) { Prompt = "Again?", Choices = [new Choice(LeadQuestions.Back, "Назад")] };
}
