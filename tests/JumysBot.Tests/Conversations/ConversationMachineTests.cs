using JumysBot.Leads.FollowUp;
using JumysBot.Leads.Points;
using JumysBot.Privacy;
using JumysBot.Catalog;
using JumysBot.Conversations;
using JumysBot.Leads;
using JumysBot.Localization;
using JumysBot.Outreach;
using JumysBot.Updates;

namespace JumysBot.Tests.Conversations;

/// <summary>
/// Each conversation's machine driven the way a person drives it: a chat at some step, one press or text, and where
/// the chat stands afterwards. Announcements and a consultants' chat asking to join need the store, and are driven
/// end to end in their own tests.
/// </summary>
public sealed class ConversationMachineTests
{
    private static readonly Person _newcomer = new(1) { Language = Language.Russian };
    private static readonly Person _known = new(1) { Language = Language.Russian, Role = PersonRole.Other };

    [Fact]
    public void WhenNew_ChoosingALanguage_AsksWhoThePersonIs()
    {
        var context = TestTurn.Pressed(StartFlow.Kazakh, new ConversationState(Steps.ChooseLanguage), _newcomer);

        Assert.True(new StartFlow().OnChoice(context, StartFlow.Kazakh, fromCurrentScreen: true));

        Assert.Equal(Steps.ChooseRole, context.State.Step);
        Assert.Equal(Language.Kazakh, context.Person.Language);
    }

    [Fact]
    public void AtTheRoleQuestion_ACarer_IsThankedAndShownTheMenu_WithTheChildsGroup()
    {
        var context = TestTurn.Pressed("r:carer", new ConversationState(Steps.ChooseRole), _newcomer);

        Assert.True(new StartFlow().OnChoice(context, "r:carer", fromCurrentScreen: true));

        Assert.Equal(Steps.Menu, context.State.Step);
        Assert.Equal(DisabilityGroup.Child, context.Person.DisabilityGroup);
        Assert.Equal(TestTurn.Text("role.thanks"), context.Messages[0].Text);
    }

    [Fact]
    public void AwayFromTheRoleQuestion_ARoleButton_ChangesNothing()
    {
        var context = TestTurn.Pressed("r:pwd", new ConversationState(Steps.Menu), _known);

        Assert.False(new StartFlow().OnChoice(context, "r:pwd", fromCurrentScreen: true));

        Assert.Equal(PersonRole.Other, context.Person.Role);
        Assert.Empty(context.Messages);
    }

    [Fact]
    public void WhatSuitsMe_AfterACarersAnswer_SkipsTheGroupAndAsksTheAge()
    {
        var context = TestTurn.Pressed("w:r:carer", new ConversationState("suits.role"), _newcomer);

        Assert.True(new SuitsMeWizard().OnChoice(context, "w:r:carer", fromCurrentScreen: true));

        Assert.Equal("suits.age", context.State.Step);
        // Health data stays with the wizard's screens until the person consents in a request.
        Assert.Null(context.Person.DisabilityGroup);
        Assert.Equal(nameof(DisabilityGroup.Child), context.State.Data);
    }

    [Fact]
    public void WhatSuitsMe_BeforeConsent_TheGroupIsCarriedToTheResultsButNeverStoredInTheProfile()
    {
        var asked = TestTurn.Pressed("w:g:2", new ConversationState("suits.group"), _newcomer with { Role = PersonRole.PersonWithDisability });
        new SuitsMeWizard().OnChoice(asked, "w:g:2", fromCurrentScreen: true);
        var age = TestTurn.Pressed("w:age:u35", asked.State, asked.Person);
        new SuitsMeWizard().OnChoice(age, "w:age:u35", fromCurrentScreen: true);
        var goal = TestTurn.Pressed("w:goal:job", age.State, age.Person);

        new SuitsMeWizard().OnChoice(goal, "w:goal:job", fromCurrentScreen: true);

        Assert.Equal(SuitsMeWizard.ResultsStep, goal.State.Step);
        Assert.Equal(nameof(DisabilityGroup.Second), goal.State.Data);
        Assert.Null(goal.Person.DisabilityGroup);
        Assert.Equal(AgeBand.Under35, goal.Person.AgeBand);
    }

    [Fact]
    public void WhatSuitsMe_AfterConsent_TheGroupIsKeptInTheProfile()
    {
        var context = TestTurn.Pressed("w:g:3", new ConversationState("suits.group"), _newcomer with { Role = PersonRole.PersonWithDisability, ConsentVersion = 1 });

        new SuitsMeWizard().OnChoice(context, "w:g:3", fromCurrentScreen: true);

        Assert.Equal(DisabilityGroup.Third, context.Person.DisabilityGroup);
    }

    [Fact]
    public void WhatSuitsMe_ChangingTheAnswers_ForgetsThemAndAsksFromTheStart()
    {
        var answered = _known with { DisabilityGroup = DisabilityGroup.Second, AgeBand = AgeBand.Under35, Goal = Goal.Job };
        var context = TestTurn.Pressed("w:reset", new ConversationState(SuitsMeWizard.ResultsStep), answered);

        Assert.True(new SuitsMeWizard().OnChoice(context, "w:reset", fromCurrentScreen: true));

        Assert.Equal("suits.role", context.State.Step);
        Assert.Null(context.Person.Goal);
    }

    [Fact]
    public void TheExplorer_FromTheMenu_ListsTheCategories_AndACardOpensBackToItsList()
    {
        var explorer = new CatalogExplorer();
        var context = TestTurn.Pressed(CatalogExplorer.Categories, new ConversationState(Steps.Menu), _known);
        Assert.True(explorer.OnChoice(context, CatalogExplorer.Categories, fromCurrentScreen: true));
        Assert.Equal("catalog.categories", context.State.Step);

        var measure = context.Content.Measures.Measures[0];
        var list = new ConversationState(CatalogExplorer.ListStep, "x:a:disability");
        var card = TestTurn.Pressed(CatalogExplorer.MeasureButton(measure.Id), list, _known);
        Assert.True(explorer.OnChoice(card, CatalogExplorer.MeasureButton(measure.Id), fromCurrentScreen: true));

        Assert.Equal(CatalogExplorer.CardStep, card.State.Step);
        Assert.Equal("x:a:disability", card.State.Data);
    }

    [Fact]
    public void TheExplorer_ASearchThatFindsNothing_SaysSoAndShowsTheMenu()
    {
        var context = TestTurn.Typed("qqqqzzzz", new ConversationState(Steps.Menu), _known);

        CatalogExplorer.Search(context, "qqqqzzzz");

        Assert.Equal(Steps.Menu, context.State.Step);
        Assert.Equal(2, context.Messages.Count);
    }

    [Fact]
    public void FindingAPoint_ASharedLocation_ShowsTheNearestPointAndTheMenu()
    {
        var input = new Incoming { ChatId = 1, UserId = 1, Location = new SharedLocation(50.06, 72.96) };
        var context = TestTurn.Context(input, new ConversationState("points.ask"), _known);

        new PointFinder().Handle(context);

        Assert.Equal(Steps.Menu, context.State.Step);
        // The shipped point sits on Temirtau's centre: no pin, and the distance is said to the centre.
        Assert.Contains("Темиртау", context.Messages[0].Text, StringComparison.Ordinal);
        Assert.Contains("До центра города", context.Messages[0].Text, StringComparison.Ordinal);
        Assert.Null(context.Messages[0].Venue);
    }

    [Fact]
    public void FindingAPoint_AnUnclearText_AsksToUseTheButtons_AndStaysOnTheQuestion()
    {
        var asked = TestTurn.Context(new Incoming { ChatId = 1, UserId = 1 }, ConversationState.Fresh, _known);
        PointFinder.Ask(asked);
        var context = TestTurn.Typed("где-нибудь там", asked.State, _known);

        new PointFinder().Handle(context);

        Assert.Equal("points.ask", context.State.Step);
        Assert.Equal(TestTurn.Text("lead.place.use_buttons"), context.Messages[0].Text);
    }

    [Fact]
    public void FollowUp_ARatingOfADoneRequest_IsRecordedAndAFewWordsAreAsked()
    {
        var person = _known.WithPart(new PersonRequests([Done(7)]));
        var button = LeadFeedbackScreens.Button(LeadFeedbackScreens.RateAction, 7, 5);
        var context = TestTurn.Pressed(button, new ConversationState(Steps.Menu), person);

        Assert.True(new LeadFeedback().OnChoice(context, button, fromCurrentScreen: false));

        Assert.Equal(LeadFeedbackScreens.CommentStep, context.State.Step);
        Assert.Equal(new RatingGiven(7, 5), Assert.Single(context.Effects));
    }

    [Fact]
    public void FollowUp_ANewNumberForAClosedRequest_IsRefused()
    {
        var person = _known.WithPart(new PersonRequests([Done(7)]));
        var button = LeadFeedbackScreens.Button(LeadFeedbackScreens.ChangePhoneAction, 7);
        var context = TestTurn.Pressed(button, new ConversationState(Steps.Menu), person);

        Assert.True(new LeadFeedback().OnChoice(context, button, fromCurrentScreen: false));

        Assert.Equal(Steps.Menu, context.State.Step);
        Assert.Empty(context.Effects);
    }

    [Fact]
    public void Subscription_WithoutATopic_NextAsksForOne_AndWithOne_AsksThePlace()
    {
        var screen = new SubscriptionScreen();
        var none = TestTurn.Pressed("sub:next", AskedAt("sub.topics", data: null), _known);
        Assert.True(screen.OnChoice(none, "sub:next", fromCurrentScreen: true));
        Assert.Equal("sub.topics", none.State.Step);
        Assert.Equal(TestTurn.Text("subscription.choose_a_topic"), none.Messages[0].Text);

        var toggled = TestTurn.Pressed("sub:t:Jobs", AskedAt("sub.topics", data: null), _known);
        Assert.True(screen.OnChoice(toggled, "sub:t:Jobs", fromCurrentScreen: true));
        var next = TestTurn.Pressed("sub:next", toggled.State, _known);
        Assert.True(screen.OnChoice(next, "sub:next", fromCurrentScreen: true));

        Assert.Equal("sub.place", next.State.Step);
    }

    [Fact]
    public void Subscription_ChoosingTheWholeRegion_Subscribes()
    {
        var context = TestTurn.Pressed("sub:p:all", new ConversationState("sub.place", "Jobs"), _known);

        Assert.True(new SubscriptionScreen().OnChoice(context, "sub:p:all", fromCurrentScreen: true));

        Assert.Equal(new Subscription([AnnouncementTopic.Jobs], null).Topics, context.Person.Part<Subscription>()!.Topics);
        Assert.Equal(Steps.Menu, context.State.Step);
    }

    [Fact]
    public void Forget_ConfirmedOnTheQuestion_ErasesInThisUpdate_AndAnOldYesDoesNot()
    {
        var flow = new ForgetFlow();
        var asked = TestTurn.Typed("/forget", new ConversationState(Steps.Menu), _known);
        ForgetFlow.Ask(asked);

        var stale = TestTurn.Pressed("f:yes", asked.State, _known);
        Assert.False(flow.OnChoice(stale, "f:yes", fromCurrentScreen: false));
        Assert.DoesNotContain(stale.Effects, e => e is JumysBot.Privacy.ErasureConfirmed);

        var yes = TestTurn.Pressed("f:yes", asked.State, _known);
        Assert.True(flow.OnChoice(yes, "f:yes", fromCurrentScreen: true));
        Assert.Contains(yes.Effects, e => e is JumysBot.Privacy.ErasureConfirmed);
    }

    private static Lead Done(long number) => new()
    {
        Number = number,
        PersonId = 1,
        PointId = "temirtau",
        Language = "ru",
        Status = LeadStatus.Done,
        FeedbackAskedAt = 1,
        Draft = new LeadDraft { Kind = LeadKind.Job, Phone = "+77011234567" },
    };

    private static ConversationState AskedAt(string step, string? data) =>
        new(step, data) { Prompt = "Again?", Choices = [new Choice("home", "Меню")] };
}
