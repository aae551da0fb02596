using JumysBot.Tests.Catalog;
using JumysBot.Tests.FakeBotApi;

namespace JumysBot.Tests.EndToEnd;

/// <summary>Finding support measures over real HTTP: the menu, cards, «what suits me», search, and content edits.</summary>
#pragma warning disable CA1001 // CapturedLogs holds no resources.
public sealed class SupportMeasuresTests : IAsyncLifetime
{
    private FakeBotApiServer _api = null!;
    private BotUnderTest _bot = null!;
    private string _content = null!;
    private CapturedLogs _logs = null!;

    public async Task InitializeAsync()
    {
        _api = await FakeBotApiServer.StartAsync();
        _content = ContentStoreTests.CopyOfShippedContent();
        _logs = new CapturedLogs();
        _bot = await BotUnderTest.StartAsync(_api, settings: new Dictionary<string, string?> { ["Bot:ContentPath"] = _content }, logs: _logs);
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _api.DisposeAsync();
    }

    [Fact]
    public async Task A_kazakh_speaker_finds_the_bastau_business_card_and_sees_the_grant_in_tenge()
    {
        var person = await MenuAsync(9001, "kk", "Мен мүгедектігі бар адаммын", "Басты мәзір");

        person.Presses("Өз ісін ашуға грант");

        var card = await person.ReadsUntilAsync("Bastau Business");
        Assert.Equal("html", card.Body["parse_mode"]?.GetValue<string>(), ignoreCase: true);
        Assert.Contains("400 АЕК (2026 жылы бұл 1\u00A0730\u00A0000\u00A0₸)", card.Text);
        Assert.Contains("АЕК — айлық есептік көрсеткіш", card.Text);
        Assert.Contains(card.Buttons, b => b.Label == "Қатысқым келеді");
        Assert.Contains(card.Buttons, b => b.Label == "Басты мәзір");
    }

    [Fact]
    public async Task A_russian_speaking_mother_gets_the_short_courses_among_what_suits_her()
    {
        var mother = await MenuAsync(9002, "ru", "Ухаживаю за близким", "Главное меню");

        mother.Presses("Что мне подходит?");
        Assert.Contains("Сколько вам лет?", (await mother.ReadsUntilAsync("четыре коротких вопроса")).Text);
        mother.Presses("От 35 до 49 лет");
        await mother.ReadsUntilAsync("Что для вас сейчас главное?");
        mother.Sends("2");

        var results = await mother.ReadsUntilAsync("Вам могут подойти");
        Assert.Contains(results.Buttons, b => b.Data == "x:m:short-courses-mothers");
        Assert.Contains("для мам и всех, кто ухаживает за ребёнком или взрослым с инвалидностью", results.Text);

        // Asked again later, she is not asked the same questions twice.
        mother.Sends("/menu");
        await mother.ReadsUntilAsync("Главное меню");
        mother.Presses("Что мне подходит?");
        var again = await mother.ReadsAsync();
        Assert.Contains("Вам могут подойти", again.Text);
    }

    [Theory]
    [InlineData("грант", "Bastau Business")]
    [InlineData("курсы", "x:m:short-courses-mothers")]
    public async Task Typing_a_word_in_the_menu_leads_to_the_matching_measures(string typed, string expected)
    {
        var person = await MenuAsync(9003, "ru", "Другое", "Главное меню");

        person.Sends(typed);

        var answer = await person.ReadsAsync();
        Assert.True(answer.Text!.Contains(expected, StringComparison.Ordinal) || answer.Buttons.Any(b => b.Data == expected), answer.ToString());
    }

    [Theory]
    [InlineData("грант", "x:m:bastau-business")]
    [InlineData("квота", "x:m:quota-jobs")]
    [InlineData("инватакси", "x:m:invataxi")]
    public async Task Typing_a_word_while_browsing_searches_the_catalog_and_back_returns_to_the_results(string typed, string expected)
    {
        var person = await MenuAsync(9007, "ru", "Другое", "Главное меню");
        person.Presses("Меры поддержки");
        await person.ReadsUntilAsync("Выберите раздел");

        person.Sends(typed);

        var results = await person.ReadsUntilAsync("по запросу");
        Assert.Contains(results.Buttons, b => b.Data == expected);
        person.Presses(results.Buttons.First(b => b.Data == expected).Label);
        var card = await person.ReadsAsync();
        Assert.Contains(card.Buttons, b => b.Label == "Назад");
        person.Presses("Назад");
        Assert.Contains("Результаты поиска", (await person.ReadsAsync()).Text);
    }

    [Fact]
    public async Task Typed_words_that_match_nothing_get_the_menu_and_where_to_find_help()
    {
        var person = await MenuAsync(9004, "ru", "Другое", "Главное меню");

        person.Sends("<b>фывапролдж</b> & co");

        var answer = await person.ReadsUntilAsync("ничего не нашёл");
        Assert.Contains("консультант", answer.Text);
        Assert.Contains("Главное меню", answer.Text);
    }

    [Fact]
    public async Task A_broken_edit_is_refused_with_the_file_and_entry_named_and_the_bot_keeps_answering()
    {
        var person = await MenuAsync(9005, "ru", "Другое", "Главное меню");

        await ContentStoreTests.EditAsync(_content, "  - id: invataxi\n    category: social_help", "  - id: invataxi\n    category: taxi");
        await Eventually.TrueAsync(() => _logs.Lines.Any(l => l.Contains("refused", StringComparison.Ordinal)));

        var refusal = _logs.Lines.First(l => l.Contains("refused", StringComparison.Ordinal));
        Assert.Contains("measures.yaml", refusal);
        Assert.Contains("'invataxi'", refusal);
        person.Sends("инватакси");
        var results = await person.ReadsUntilAsync("по запросу");
        Assert.Contains(results.Buttons, b => b.Data == "x:m:invataxi");
    }

    [Fact]
    public async Task Content_is_escaped_for_telegram_html()
    {
        await ContentStoreTests.EditAsync(_content, "ru: Bastau Business — курс и грант", "ru: Bastau <и> грант & курс");
        var store = _bot.Services.GetService(typeof(JumysBot.Content.ContentStore)) as JumysBot.Content.ContentStore;
        await Eventually.TrueAsync(() => store!.Version > 0);
        var person = await MenuAsync(9006, "ru", "Другое", "Главное меню");

        person.Presses("Грант на своё дело");

        var card = await person.ReadsUntilAsync("Bastau Business");
        Assert.Contains("<b>Bastau &lt;и&gt; грант &amp; курс</b>", card.Text);
    }

    private async Task<TelegramPerson> MenuAsync(long id, string language, string role, string menuTitle)
    {
        var person = new TelegramPerson(_api, id, language);
        person.Sends("/start");
        await person.ReadsUntilAsync(language == "kk" ? "Өзіңіз туралы" : "Расскажите, кто вы");
        person.Presses(role);
        await person.ReadsUntilAsync(menuTitle);
        return person;
    }
}
