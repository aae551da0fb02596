using JumysBot.Conversations;
using JumysBot.Localization;
using JumysBot.Updates;

namespace JumysBot.Tests.Conversations;

/// <summary>The conversation alone, without storage or Telegram: configure, send, assert.</summary>
public sealed class ConversationRouterTests
{
    private static readonly TextCatalog _texts = TestConversation.Content.Current.Texts;
    private readonly ConversationRouter _conversation = TestConversation.Create();

    [Fact]
    public async Task A_kazakh_telegram_language_is_remembered_on_first_contact()
    {
        var turn = await HandleAsync(Text("/start", "kk"), new Person(1), ConversationState.Fresh);

        Assert.Equal(Language.Kazakh, turn.Person.Language);
        Assert.Equal(Steps.ChooseRole, turn.State.Step);
    }

    [Fact]
    public async Task Without_a_known_language_the_person_is_asked_and_nothing_is_guessed()
    {
        var turn = await HandleAsync(Text("/start", "de"), new Person(1), ConversationState.Fresh);

        Assert.Null(turn.Person.Language);
        Assert.Equal(Steps.ChooseLanguage, turn.State.Step);
        Assert.Equal([StartFlow.Kazakh, StartFlow.Russian], turn.Messages[^1].Buttons!.SelectMany(r => r).Select(c => c.Id));
    }

    [Fact]
    public async Task Choosing_a_language_answers_in_that_language_at_once()
    {
        var turn = await HandleAsync(Button(StartFlow.Kazakh), new Person(1) { Language = Language.Russian, Role = PersonRole.Other }, new ConversationState(Steps.ChooseLanguage));

        Assert.Equal(Language.Kazakh, turn.Person.Language);
        var answer = Assert.Single(turn.Messages);
        Assert.Equal(_texts.Get(Language.Kazakh, "language.changed") + "\n\n" + _texts.Get(Language.Kazakh, "menu.title"), answer.Text);
    }

    [Fact]
    public async Task A_returning_person_who_said_who_they_are_goes_straight_to_the_menu()
    {
        var turn = await HandleAsync(Text("/start", "ru"), new Person(1) { Language = Language.Russian, Role = PersonRole.CarerOfChild }, new ConversationState(Steps.Menu));

        Assert.Equal(Steps.Menu, turn.State.Step);
        var answer = Assert.Single(turn.Messages);
        Assert.StartsWith(_texts.Get(Language.Russian, "start.greeting"), answer.Text, StringComparison.Ordinal);
        Assert.EndsWith(_texts.Get(Language.Russian, "menu.title"), answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Typed_words_work_as_commands_in_both_languages()
    {
        var person = new Person(1) { Language = Language.Kazakh, Role = PersonRole.Other };

        var menu = await HandleAsync(Text("Мәзір", "kk"), person, new ConversationState(Steps.ChooseRole));
        var cancel = await HandleAsync(Text("отмена", "kk"), person, new ConversationState(Steps.ChooseRole));

        Assert.Equal(Steps.Menu, menu.State.Step);
        Assert.StartsWith(_texts.Get(Language.Kazakh, "cancel.done") + "\n\n", Assert.Single(cancel.Messages).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Group_chats_get_no_person_facing_answers()
    {
        var input = Text("/start", "ru") with { IsPrivateChat = false };

        var turn = await HandleAsync(input, new Person(1), ConversationState.Fresh);

        Assert.Empty(turn.Messages);
    }

    [Fact]
    public async Task Every_reply_carries_button_data_within_telegrams_64_bytes()
    {
        foreach (var step in new[] { Steps.ChooseLanguage, Steps.ChooseRole, Steps.Menu })
        {
            var turn = await HandleAsync(Text("?", "kk"), new Person(1) { Language = Language.Kazakh }, new ConversationState(step));
            Assert.All(turn.Messages.SelectMany(m => m.Buttons ?? []).SelectMany(r => r),
                c => Assert.InRange(System.Text.Encoding.UTF8.GetByteCount(c.Id), 1, 64));
        }
    }

    /// <summary>A turn as the person receives it: the handler chain joins its messages one per step (<see cref="OneMessagePerStep"/>).</summary>
    private async ValueTask<Turn> HandleAsync(Incoming input, Person person, ConversationState state)
    {
        var turn = await _conversation.HandleAsync(input, person, state, person.Language ?? JumysBot.Localization.LanguageCodes.FromTelegram(input.LanguageCode) ?? JumysBot.Localization.Language.Russian, CancellationToken.None);
        return turn with { Messages = OneMessagePerStep.Merge(turn.Messages, input.ChatId) };
    }

    [Fact]
    public async Task A_cards_find_a_point_button_opens_the_point_finder_the_points_feature_registered()
    {
        var person = new Person(1) { Language = Language.Russian, Role = PersonRole.Other };
        var card = await HandleAsync(Button("x:m:jumystap-points"), person, new ConversationState(Steps.Menu));
        var findPoint = card.State.Choices.First(c => c.Label == _texts.Get(Language.Russian, "catalog.action.find_point"));

        var turn = await HandleAsync(Button(findPoint.Id), card.Person, card.State);

        Assert.StartsWith("points.", turn.State.Step, StringComparison.Ordinal);
    }

    private static Incoming Text(string text, string? languageCode) =>
        new() { ChatId = 1, UserId = 1, Text = text, LanguageCode = languageCode };

    private static Incoming Button(string id) => new() { ChatId = 1, UserId = 1, ButtonId = id };
}
