using JumysBot.Tests.FakeBotApi;

namespace JumysBot.Tests.Outreach;

/// <summary>People arriving through a poster's or a partner's start link land where it points, and are counted for it.</summary>
public sealed class StartLinkTests : BotTestBase
{
    private const long TemirtauChat = -100500;
    private const long AdminId = 777;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Consultants:0:ChatId"] = TemirtauChat.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Consultants:0:PointId"] = "jumystap-temirtau",
        ["Bot:AdminIds:0"] = AdminId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Bot:Campaigns:0"] = "radio",
    };

    [Fact]
    public async Task A_point_link_opens_that_point_for_a_kazakh_newcomer_and_the_request_it_yields_goes_there_and_counts_for_the_link()
    {
        var person = new TelegramPerson(Api, 51001, "kk");
        person.Sends("/start p-jumystap-temirtau");

        await person.ReadsUntilAsync("Сәлеметсіз бе");
        await person.ReadsUntilAsync("кеңес беру пунктінің сілтемесі арқылы келдіңіз");
        await person.ReadsUntilAsync("Теміртаудағы JumysTap кеңес беру пункті");
        var offer = await person.ReadsUntilAsync("Қандай көмек керек");
        Assert.Equal(["Оқыту", "Өз ісіне грант", "Жұмыс", "Басты мәзір"], offer.Buttons.Select(b => b.Label));
        // The point's coordinates are the town's centre: no pin to travel by.
        Assert.DoesNotContain(Api.CallsOf("sendVenue"), v => v.ChatId == person.Id);

        person.Presses("Оқыту");
        var topics = await person.ReadsUntilAsync("Сізді қандай оқыту қызықтырады?");
        person.Presses(topics.Buttons[0].Label);
        await person.ReadsUntilAsync("дербес деректерді өңдеуге келісіміңіз");
        person.Presses("Келісемін");
        await person.ReadsUntilAsync("Атыңыз кім?");
        person.Sends("Айгүл");
        await person.ReadsUntilAsync("Телефон нөміріңіз");
        person.Sends("87011234567");
        await person.ReadsUntilAsync("Сізбен қалай байланысайық?");
        person.Presses("Тек Telegram-дағы хабарлама");

        // The point is already chosen: no question about where the person lives.
        var next = await person.ReadsAsync();
        Assert.Contains("Мүгедектік тобыңыз бар ма?", next.Text);
        person.Presses("Екінші топ");
        await person.ReadsUntilAsync("Кеңесшіге тағы бірдеңе айтқыңыз келе ме?");
        person.Presses("Өткізіп жіберу");
        var review = await person.ReadsUntilAsync("Өтініміңізді тексеріңіз.");
        Assert.Contains("Мекеніңіз: Теміртаудағы JumysTap кеңес беру пункті.", review.Text);
        person.Presses("Растау");
        var accepted = await person.ReadsUntilAsync("өтініміңіз қабылданды");
        Assert.Contains("Теміртаудағы JumysTap кеңес беру пункті", accepted.Text);

        var consultants = new ConsultantChat(Api, TemirtauChat, 501, "Ерлан");
        await consultants.ReceivesAsync(c => c.Text?.Contains("Заявка № 1001.", StringComparison.Ordinal) == true, "the card in Temirtau");
        Assert.Equal("p-jumystap-temirtau", Scalar("SELECT source FROM leads WHERE id = 1001"));
        Assert.Equal("jumystap-temirtau", Scalar("SELECT point_id FROM leads WHERE id = 1001"));

        var stats = await AdminStatsAsync();
        Assert.Contains("p-jumystap-temirtau (Пункт консультации JumysTap в Темиртау): 1 / 1 / 0", stats);
    }

    [Fact]
    public async Task A_measure_link_with_a_campaign_opens_the_measure_card_and_counts_for_both()
    {
        var person = new TelegramPerson(Api, 51002, "ru");
        person.Sends("/start m-bastau-business__radio");

        // The greeting and the card are one message.
        var card = await person.ReadsUntilAsync("Здравствуйте!");
        Assert.Contains("Bastau Business", card.Text);
        Assert.Contains(card.Buttons, b => b.Label == "Главное меню");
        Assert.Equal("m-bastau-business", Scalar($"SELECT source FROM people WHERE id = {person.Id}"));
        Assert.Equal("radio", Scalar($"SELECT campaign FROM people WHERE id = {person.Id}"));

        var stats = await AdminStatsAsync();
        Assert.Contains("m-bastau-business (", stats);
        Assert.Contains(", кампания radio: 1 / 0 / 0", stats);
    }

    [Theory]
    [InlineData("/start c-Call_me_Zhanna_87021234567", "c-other", null)]
    [InlineData("/start m-bastau-business__Zhanna_87021234567", "m-bastau-business", "other")]
    public async Task A_campaign_tag_no_administrator_created_counts_as_other_and_is_not_stored_as_written(string start, string source, string? campaign)
    {
        var person = new TelegramPerson(Api, 51005, "ru");
        person.Sends(start);

        await person.ReadsUntilAsync("Здравствуйте!");
        Assert.Equal($"{source}|{campaign}", Scalar($"SELECT source || '|' || COALESCE(campaign, '') FROM people WHERE id = {person.Id}"));
        Assert.Equal($"{source}|{campaign}", Scalar("SELECT source || '|' || COALESCE(campaign, '') FROM arrivals"));
        Assert.Equal(0L, Scalar("SELECT COUNT(*) FROM arrivals WHERE source LIKE '%8702%' OR campaign LIKE '%8702%'"));

        var stats = await AdminStatsAsync();
        Assert.DoesNotContain("8702", stats, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/start p-nowhere")]
    [InlineData("/start x-jumystap-temirtau")]
    [InlineData("/start p-jumystap-temirtau!")]
    [InlineData("/start m-")]
    public async Task An_unknown_or_malformed_link_falls_back_to_the_normal_start_and_remembers_nothing(string start)
    {
        var person = new TelegramPerson(Api, 51003, "ru");
        person.Sends(start);

        await person.ReadsUntilAsync("Здравствуйте!");
        await person.ReadsUntilAsync("Расскажите, кто вы");
        Assert.Null(Scalar($"SELECT source FROM people WHERE id = {person.Id}"));
        Assert.Equal(1L, Scalar("SELECT COUNT(*) FROM arrivals WHERE source IS NULL"));
    }

    [Fact]
    public async Task A_newcomer_whose_language_is_unknown_chooses_it_first_and_then_lands_on_the_point()
    {
        var person = new TelegramPerson(Api, 51004, "en");
        person.Sends("/start p-jumystap-temirtau");

        await person.ReadsUntilAsync("Выберите язык");
        person.Presses("Қазақша");
        await person.ReadsUntilAsync("Сәлеметсіз бе");
        await person.ReadsUntilAsync("Теміртаудағы JumysTap кеңес беру пункті");
        await person.ReadsUntilAsync("Қандай көмек керек");
    }

    [Fact]
    public async Task A_forged_request_button_for_a_kind_the_point_does_not_take_starts_nothing()
    {
        var person = new TelegramPerson(Api, 51005, "ru");
        person.Sends("/start p-jumystap-temirtau");
        await person.ReadsUntilAsync("Выберите, с чем нужна помощь");

        person.PressesData("lead:at:jumystap-temirtau:JobCoach");
        var answer = await person.ReadsAsync();
        Assert.DoesNotContain("согласие", answer.Text, StringComparison.Ordinal);
        person.PressesData("lead:at:nowhere:Training");
        person.PressesData("lead:at:jumystap-temirtau:99");
        person.Sends("/menu");
        await person.ReadsUntilAsync("Главное меню");
        Assert.DoesNotContain(person.Received, m => m.Text!.Contains("согласие на обработку", StringComparison.Ordinal));
    }

    private async Task<string> AdminStatsAsync()
    {
        var admin = new TelegramPerson(Api, AdminId, "ru");
        admin.Sends("/stats");
        var stats = await admin.ReadsUntilAsync("По источникам");
        return stats.Text!;
    }

    private object? Scalar(string sql) => Database.Scalar(Bot.DatabasePath, sql);
}
