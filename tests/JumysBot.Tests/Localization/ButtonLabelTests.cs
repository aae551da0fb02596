using System.Text.RegularExpressions;
using JumysBot.Conversations;
using JumysBot.Localization;
using JumysBot.Tests.Conversations;
using JumysBot.Updates;

namespace JumysBot.Tests.Localization;

/// <summary>
/// Every button label fits on a phone's line (at most 30 characters, both languages), the list of label texts the
/// loader checks covers every button a person can reach, and a screen that speaks of numbers has the buttons to match.
/// </summary>
public sealed partial class ButtonLabelTests
{
    public static TheoryData<Language> Languages => [Language.Russian, Language.Kazakh];

    [Fact]
    public void Every_label_text_in_the_shipped_content_fits_in_both_languages()
    {
        var texts = TestConversation.Content.Current;
        var labels = texts.Texts.Keys.Where(ButtonLabels.IsLabel).ToList();
        Assert.True(labels.Count > 60, $"only {labels.Count} label keys");
        Assert.Empty(TextCatalogLoader.FindProblems(
            TextCatalogLoader.ReadFile(Path.Combine(ContentFolder.Path, "strings.ru.yaml")),
            TextCatalogLoader.ReadFile(Path.Combine(ContentFolder.Path, "strings.kk.yaml"))));
        foreach (var language in new[] { Language.Russian, Language.Kazakh })
        {
            Assert.All(labels.Where(k => !k.Contains("topic_o", StringComparison.Ordinal)), key =>
                Assert.True(texts.Texts.Get(language, key).Length <= ButtonLabels.MaxLength, $"{language} '{key}': «{texts.Texts.Get(language, key)}»"));
        }

        var content = texts.Measures;
        Assert.All(content.Measures.Select(m => m.Title).Concat(content.Categories.Values).Concat(content.Audiences.Values).Concat(texts.Points.Places.Select(p => p.Name)),
            title => Assert.True(title.Ru.Length <= ButtonLabels.MaxLength && title.Kk.Length <= ButtonLabels.MaxLength, $"«{title.Ru}» / «{title.Kk}» is too long for a button"));
    }

    /// <summary>
    /// Walks every screen a person reaches by pressing buttons from /start, in both languages: each label is one the
    /// loader checks (a label text, a measure's title, a category, an audience, a place, or the person's Telegram name).
    /// </summary>
    [Theory]
    [MemberData(nameof(Languages))]
    public async Task Every_button_a_person_can_reach_is_a_checked_label(Language language)
    {
        // Either language: the walk presses «Язык / Тіл» too.
        var content = TestConversation.Content.Current;
        var known = new[] { Language.Russian, Language.Kazakh }.SelectMany(l =>
                content.Texts.Keys.Where(ButtonLabels.IsLabel).Select(k => content.Texts.Get(l, k))
                .Concat(content.Texts.Keys.Where(k => k.StartsWith("subscription.topic.", StringComparison.Ordinal)).SelectMany(t =>
                    _onOff.Select(o => content.Texts.Get(l, "subscription.topic_" + o, ("topic", content.Texts.Get(l, t))))))
                .Concat(content.Measures.Measures.Select(m => m.Title.In(l)))
                .Concat(content.Measures.Categories.Values.Select(c => c.In(l)))
                .Concat(content.Measures.Audiences.Values.Select(a => a.In(l)))
                .Concat(content.Points.Places.Select(p => p.Name.In(l))))
            .Append(FirstName)
            .ToHashSet(StringComparer.Ordinal);

        var seen = await WalkAsync(language);

        Assert.True(seen.Count > 80, $"only {seen.Count} labels reached");
        Assert.All(seen, label =>
        {
            Assert.True(label.Length <= ButtonLabels.MaxLength, $"«{label}» is {label.Length} characters");
            Assert.True(known.Contains(label), $"«{label}» is not among the labels the loader checks (ButtonLabels)");
        });
    }

    /// <summary>No text asks a person to type a button's number: Telegram's buttons carry none.</summary>
    [Fact]
    public void No_text_asks_to_type_the_number_of_a_button()
    {
        foreach (var file in new[] { "strings.ru.yaml", "strings.kk.yaml" })
        {
            foreach (var (key, text) in TextCatalogLoader.ReadFile(Path.Combine(ContentFolder.Path, file)))
            {
                Assert.False(ButtonNumber().IsMatch(text), $"{file}: '{key}' asks for a button's number: «{text}»");
            }
        }
    }

    /// <summary>
    /// Where a screen does speak of numbers, they are there: the rating's labels start with their digit and typing it
    /// chooses that button; a list of measures is numbered in the order of its buttons and typing the number opens it.
    /// </summary>
    [Theory]
    [MemberData(nameof(Languages))]
    public async Task Screens_that_speak_of_numbers_have_buttons_that_match(Language language)
    {
        var texts = TestConversation.Content.Current.Texts;
        var rating = JumysBot.Leads.FollowUp.LeadFeedbackScreens.Rating(texts, language, 1001);
        Assert.Matches(language == Language.Russian ? "напишите цифру" : "цифрды жазыңыз", rating.Body);
        for (var n = 1; n <= 5; n++)
        {
            var typed = n.ToString(System.Globalization.CultureInfo.InvariantCulture);
            Assert.StartsWith(typed + " ", rating.Choices[n - 1].Label, StringComparison.Ordinal);
            Assert.Same(rating.Choices[n - 1], ChoiceMatcher.Match(typed, rating.Choices));
        }

        var router = TestConversation.Create();
        var person = new Person(1) { Language = language, Role = PersonRole.Other };
        var list = await router.HandleAsync(Typed("/menu"), person, ConversationState.Fresh, language, CancellationToken.None);
        list = await router.HandleAsync(Pressed("x:c:work"), list.Person, list.State, list.Person.Language ?? language, CancellationToken.None);
        var screen = Assert.Single(list.Messages);
        var numbered = ListNumber().Matches(screen.Text).Select(m => m.Groups[2].Value).ToList();
        var measures = screen.Buttons!.SelectMany(r => r).Where(b => b.Id.StartsWith("x:m:", StringComparison.Ordinal)).ToList();
        Assert.Equal(measures.Select(b => b.Label), numbered);
        var second = await router.HandleAsync(Typed("2"), list.Person, list.State, list.Person.Language ?? language, CancellationToken.None);
        Assert.Contains($"<b>{measures[1].Label}</b>", second.Messages[^1].Text, StringComparison.Ordinal);
    }

    private const string FirstName = "Айгүл";

    private static readonly string[] _onOff = ["on", "off"];

    private static async Task<HashSet<string>> WalkAsync(Language language)
    {
        // Every part of the conversation a person can press into, as the app composes it.
        var router = TestConversation.Create();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var visited = new HashSet<string>(StringComparer.Ordinal);
        var first = await router.HandleAsync(Typed("/start"), new Person(1) { Language = language }, ConversationState.Fresh, language, CancellationToken.None);
        var queue = new Queue<Turn>([first]);
        while (queue.Count > 0 && visited.Count < 600)
        {
            var turn = queue.Dequeue();
            foreach (var button in turn.Messages.Where(m => m.Buttons is not null).SelectMany(m => m.Buttons!).SelectMany(r => r))
            {
                seen.Add(button.Label);
                if (button.Url is not null || button.Request != ChoiceRequest.None || !visited.Add(turn.State.Step + "|" + button.Id))
                {
                    continue;
                }

                queue.Enqueue(await router.HandleAsync(Pressed(button.Id), turn.Person, turn.State, turn.Person.Language ?? language, CancellationToken.None));
            }

            if (turn.State.Step.StartsWith("lead.", StringComparison.Ordinal) && visited.Add(turn.State.Step + "|typed"))
            {
                // Free-text steps of a request: a name, a phone, a comment move the request on.
                var typed = turn.State.Step switch { "lead.name" => FirstName, "lead.phone" => "87011234567", "lead.comment" => "Спасибо", _ => null };
                if (typed is not null)
                {
                    queue.Enqueue(await router.HandleAsync(Typed(typed), turn.Person, turn.State, turn.Person.Language ?? language, CancellationToken.None));
                }
            }
        }

        return seen;
    }

    private static Incoming Typed(string text) => new() { ChatId = 1, UserId = 1, FirstName = FirstName, Text = text, IsPrivateChat = true };

    private static Incoming Pressed(string id) => new() { ChatId = 1, UserId = 1, FirstName = FirstName, ButtonId = id, IsPrivateChat = true };

    [GeneratedRegex(@"(её|его|кнопки) номер|нөмірін жаз|батырманың нөмір", RegexOptions.IgnoreCase)]
    private static partial Regex ButtonNumber();

    [GeneratedRegex(@"(?m)^(\d+)\. <b>([^<]+)</b>")]
    private static partial Regex ListNumber();
}
