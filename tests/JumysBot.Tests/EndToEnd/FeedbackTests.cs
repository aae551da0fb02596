using System.Globalization;
using System.Text;
using JumysBot.Privacy;
using JumysBot.Tests.FakeBotApi;
using Microsoft.Extensions.DependencyInjection;

namespace JumysBot.Tests.EndToEnd;

/// <summary>
/// After a consultant works a request: a done request asks the person once, in their language, to rate the help; a
/// request the consultant could not reach asks the person to check their number or choose messages only.
/// </summary>
public sealed class FeedbackTests : BotTestBase
{
    private const long TemirtauChat = -100510;
    private const long BalkhashChat = -100520;
    private const long AdminId = 778;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Consultants:0:ChatId"] = TemirtauChat.ToString(CultureInfo.InvariantCulture),
        ["Consultants:0:PointId"] = "jumystap-temirtau",
        ["Consultants:1:ChatId"] = BalkhashChat.ToString(CultureInfo.InvariantCulture),
        ["Consultants:1:PointId"] = "career-balkhash",
        ["Bot:AdminIds:0"] = AdminId.ToString(CultureInfo.InvariantCulture),
    };

    [Fact]
    public async Task A_kazakh_speaker_is_asked_in_kazakh_rates_four_with_a_button_writes_a_comment_and_stats_show_the_points_rating()
    {
        var person = new TelegramPerson(Api, 19001, "kk", firstName: "Айгүл");
        var number = await RequestGrantInKazakhAsync(person);
        var temirtau = new ConsultantChat(Api, TemirtauChat, 510, "Ерлан");

        await FinishAsync(temirtau, number);

        var question = await person.ReadsUntilAsync($"№ {number} өтініміңіз аяқталды");
        Assert.Contains("1-ден 5-ке дейін баға беріңіз", question.Text);
        Assert.Equal(
            [
                ("1 — мүлде көмектеспеді", $"fb:r:{number}:1"), ("2 — көп көмектеспеді", $"fb:r:{number}:2"),
                ("3 — ішінара көмектесті", $"fb:r:{number}:3"), ("4 — көмектесті", $"fb:r:{number}:4"),
                ("5 — өте көмектесті", $"fb:r:{number}:5"), ("Өткізіп жіберу", $"fb:rs:{number}"),
            ],
            question.Buttons);
        person.Presses("4 — көмектесті");
        await person.ReadsUntilAsync("Бағаңызға рахмет");
        await person.ReadsUntilAsync("сөз қосқыңыз келе ме?");
        person.Sends("Кеңесші өте сыпайы болды, рахмет");
        await person.ReadsUntilAsync("Пікіріңіз кеңесшілерге");
        await person.ReadsUntilAsync("Басты мәзір");

        Assert.Equal(4L, Scalar($"SELECT rating FROM leads WHERE id = {number}"));
        Assert.Equal("Кеңесші өте сыпайы болды, рахмет", Scalar($"SELECT feedback_comment FROM leads WHERE id = {number}"));
        person.Sends("/mydata");
        var data = await person.ReadsUntilAsync("Көмекке берген бағаңыз");
        Assert.Contains("Көмекке берген бағаңыз: 4, ең жоғарғысы — 5.", data.Text);
        Assert.Contains("Пікіріңіз: Кеңесші өте сыпайы болды, рахмет.", data.Text);

        var admin = new ConsultantChat(Api, AdminId, AdminId, "Админ");
        admin.Sends("/stats");
        var stats = await admin.ReceivesAsync(c => c.Text?.Contains("Оценки помощи", StringComparison.Ordinal) == true, "the stats");
        Assert.Contains("Пункт консультации JumysTap в Темиртау: спросили 1, ответили 1, средняя оценка 4,0; по баллам: 1 — 0, 2 — 0, 3 — 0, 4 — 1, 5 — 0.", stats.Text);
        Assert.Contains("Всего: спросили 1, ответили 1, средняя оценка 4,0.", stats.Text);
        Assert.DoesNotContain("сыпайы", stats.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_request_done_a_second_time_after_reopening_does_not_ask_again_and_nor_does_a_repeated_press()
    {
        var person = new TelegramPerson(Api, 19002, "ru", firstName: "Жанна");
        await LeadScript.RequestJobCoachAsync(person, place: "Балхаш");
        var balkhash = new ConsultantChat(Api, BalkhashChat, 520, "Гаухар");
        await FinishAsync(balkhash, 1001);
        await person.ReadsUntilAsync("Вы получили помощь, которая была нужна?");

        // The card of a done request has no buttons; a press from another consultant's old card changes nothing.
        balkhash.Presses("c:done:1001");
        await balkhash.ReceivesAsync(c => c.Text?.Contains("уже изменили", StringComparison.Ordinal) == true, "already changed");
        // Reopened (as an operator might do in the database), then done again from the card.
        Assert.Null(Scalar("UPDATE leads SET status = 'Contacted' WHERE id = 1001"));
        balkhash.Presses("c:done:1001");
        await Eventually.TrueAsync(() => Scalar("SELECT COUNT(*) FROM lead_history WHERE lead_id = 1001 AND status = 'Done'") is 2L, "done twice");
        await Eventually.TrueAsync(() => Api.CallsOf("editMessageText").Count(c => c.ChatId == BalkhashChat) >= 5, "the cards edited");

        Assert.Single(person.Received, m => m.Text?.Contains("Вы получили помощь", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task Forged_out_of_range_early_and_repeated_ratings_change_nothing_and_get_a_kind_answer()
    {
        var rated = new TelegramPerson(Api, 19003, "ru", firstName: "Жанна");
        await LeadScript.RequestJobCoachAsync(rated, place: "Балхаш");
        var other = new TelegramPerson(Api, 19004, "ru", firstName: "Асель");
        await LeadScript.RequestJobCoachAsync(other, place: "Балхаш");
        var balkhash = new ConsultantChat(Api, BalkhashChat, 520, "Гаухар");
        await FinishAsync(balkhash, 1001);
        await rated.ReadsUntilAsync("Вы получили помощь");

        other.PressesData("fb:r:1001:5");
        await other.ReadsUntilAsync("Я не нашёл такую заявку среди ваших. Ничего не изменилось.");
        other.PressesData("fb:ph:1001");
        await other.ReadsUntilAsync("Я не нашёл такую заявку среди ваших");
        other.PressesData("fb:r:1002:5");
        await other.ReadsUntilAsync("Заявка № 1002 ещё не завершена");
        rated.PressesData("fb:r:1001:9");
        await rated.ReadsUntilAsync("Оценка — это цифра от 1 до 5. Ничего не изменилось.");
        rated.PressesData("fb:r:1001:x:y");
        await rated.ReadsUntilAsync("Эта кнопка из старого сообщения");
        Assert.Null(Scalar("SELECT rating FROM leads WHERE id = 1001"));
        Assert.Null(Scalar("SELECT rating FROM leads WHERE id = 1002"));
        Assert.Equal("+77021234567", Scalar("SELECT phone FROM leads WHERE id = 1001"));

        rated.Presses("5 — очень помогли");
        await rated.ReadsUntilAsync("Хотите добавить пару слов");
        rated.Presses("3 — помогли отчасти");
        await rated.ReadsUntilAsync("Вы уже оценили заявку № 1001. Спасибо!");
        Assert.Equal(5L, Scalar("SELECT rating FROM leads WHERE id = 1001"));
    }

    [Fact]
    public async Task A_typed_five_rates_five_and_a_typed_skip_leaves_no_comment()
    {
        var person = new TelegramPerson(Api, 19005, "ru", firstName: "Жанна");
        await LeadScript.RequestJobCoachAsync(person, place: "Балхаш");
        await FinishAsync(new ConsultantChat(Api, BalkhashChat, 520, "Гаухар"), 1001);
        await person.ReadsUntilAsync("Вы получили помощь");

        person.Sends("5");
        await person.ReadsUntilAsync("Спасибо за оценку.");
        await person.ReadsUntilAsync("Хотите добавить пару слов");
        person.Sends("пропустить");
        await person.ReadsUntilAsync("Главное меню");

        Assert.Equal(5L, Scalar("SELECT rating FROM leads WHERE id = 1001"));
        Assert.Null(Scalar("SELECT feedback_comment FROM leads WHERE id = 1001"));
    }

    [Fact]
    public async Task A_person_in_the_middle_of_a_new_request_rates_and_comes_back_to_the_question_they_left()
    {
        var person = new TelegramPerson(Api, 19006, "ru", firstName: "Жанна");
        await LeadScript.RequestJobCoachAsync(person, place: "Балхаш");
        var balkhash = new ConsultantChat(Api, BalkhashChat, 520, "Гаухар");
        balkhash.Presses("c:take:1001");
        await person.ReadsUntilAsync("начал работать с вашей заявкой");
        person.Sends("/menu");
        await person.ReadsUntilAsync("Главное меню");
        person.Presses("Грант на своё дело");
        await person.ReadsUntilAsync("Bastau Business");
        person.Presses("Хочу участвовать");
        await person.ReadsUntilAsync("Вы уже прошли курс");
        person.Presses("Нет, хочу пройти курс");
        await person.ReadsUntilAsync("Как к вам обращаться?");

        balkhash.Presses("c:contacted:1001");
        balkhash.Presses("c:done:1001");
        await person.ReadsUntilAsync("Вы получили помощь");
        // Typed answers still belong to the question the person is answering; the rating waits for its button.
        Assert.Equal("lead.name", Scalar("SELECT step FROM conversations WHERE chat_id = 19006"));
        person.Presses("4 — помогли");
        await person.ReadsUntilAsync("Хотите добавить пару слов");
        person.Sends("Всё понятно объяснили");
        await person.ReadsUntilAsync("Спасибо! Ваш отзыв");
        await person.ReadsUntilAsync("Вернёмся к тому, на чём вы остановились.");
        await person.ReadsUntilAsync("Как к вам обращаться?");
        person.Sends("Жанна");
        await person.ReadsUntilAsync("Ваш номер телефона");

        Assert.Equal(4L, Scalar("SELECT rating FROM leads WHERE id = 1001"));
        Assert.Equal("Всё понятно объяснили", Scalar("SELECT feedback_comment FROM leads WHERE id = 1001"));
    }

    [Fact]
    public async Task A_comment_longer_than_a_thousand_characters_is_cut_and_the_person_is_told()
    {
        var person = new TelegramPerson(Api, 19007, "ru", firstName: "Жанна");
        await LeadScript.RequestJobCoachAsync(person, place: "Балхаш");
        await FinishAsync(new ConsultantChat(Api, BalkhashChat, 520, "Гаухар"), 1001);
        await person.ReadsUntilAsync("Вы получили помощь");
        person.Presses("2 — скорее не помогли");
        await person.ReadsUntilAsync("Хотите добавить пару слов");

        person.Sends(string.Concat(Enumerable.Repeat("Долго ждала звонка. ", 60)));

        await person.ReadsUntilAsync("Отзыв получился длинным, поэтому я сохранил первые 1000 знаков.");
        var stored = (string)Scalar("SELECT feedback_comment FROM leads WHERE id = 1001")!;
        Assert.True(stored.Length <= 1000, $"{stored.Length} characters stored");
        Assert.StartsWith("Долго ждала звонка.", stored, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_person_the_consultant_could_not_reach_changes_their_number_and_the_card_shows_it()
    {
        var person = new TelegramPerson(Api, 19008, "ru", firstName: "Жанна");
        await LeadScript.RequestJobCoachAsync(person, place: "Балхаш");
        var balkhash = new ConsultantChat(Api, BalkhashChat, 520, "Гаухар");
        balkhash.Presses("c:take:1001");
        balkhash.Presses("c:unreached:1001");

        var message = await person.ReadsUntilAsync("Консультант не смог связаться с вами по заявке № 1001.");
        Assert.Contains("Проверьте, пожалуйста, ваш номер телефона: +77021234567.", message.Text);
        // The request already asks for messages only, so that choice is not offered again.
        Assert.Equal([("Изменить номер", "fb:ph:1001"), ("Всё верно", "fb:ok:1001")], message.Buttons);
        person.Presses("Изменить номер");
        var question = await person.ReadsUntilAsync("Напишите новый номер телефона");
        Assert.Contains(question.KeyboardButtons, b => b.RequestsContact);
        person.Sends("12345");
        await person.ReadsUntilAsync("Я не узнал номер");
        person.Sends("8 705 765 43 21");
        await person.ReadsUntilAsync("Я записал новый номер — +77057654321.");
        await person.ReadsUntilAsync("Главное меню");

        Assert.Equal("+77057654321", Scalar("SELECT phone FROM leads WHERE id = 1001"));
        var card = await balkhash.ReceivesAsync(c => c.Method == "editMessageText" && c.Text?.Contains("+77057654321", StringComparison.Ordinal) == true, "the card with the new number");
        Assert.Contains("Статус — не удалось связаться.", card.Text);
        Assert.Equal(["c:contacted:1001", "c:return:1001"], card.Buttons.Select(b => b.Data));
        await balkhash.ReceivesAsync(c => c.Text?.Contains("По заявке № 1001 человек указал новый номер телефона", StringComparison.Ordinal) == true, "the note");
        balkhash.Presses("c:contacted:1001");
        await Eventually.TrueAsync(() => Scalar("SELECT status FROM leads WHERE id = 1001") is "Contacted", "contacted after all");
    }

    [Fact]
    public async Task A_new_number_can_be_typed_straight_after_the_message_and_a_typed_word_presses_its_button()
    {
        var person = new TelegramPerson(Api, 19012, "ru", firstName: "Жанна");
        await LeadScript.RequestJobCoachAsync(person, place: "Балхаш");
        var balkhash = new ConsultantChat(Api, BalkhashChat, 520, "Гаухар");
        balkhash.Presses("c:take:1001");
        balkhash.Presses("c:unreached:1001");
        await person.ReadsUntilAsync("Консультант не смог связаться с вами");

        person.Sends("спасибо");
        await person.ReadsUntilAsync("Номер +77021234567 верный? Выберите, что сделать.");
        person.Sends("+7 777 123 45 67");
        await person.ReadsUntilAsync("Я записал новый номер — +77771234567.");
        Assert.Equal("+77771234567", Scalar("SELECT phone FROM leads WHERE id = 1001"));

        balkhash.Presses("c:return:1001");
        balkhash.Presses("c:take:1001");
        balkhash.Presses("c:unreached:1001");
        await person.ReadsUntilAsync("ваш номер телефона: +77771234567.");
        person.Sends("всё верно");
        await person.ReadsUntilAsync("Консультант попробует связаться с вами ещё раз.");
        await person.ReadsUntilAsync("Главное меню");
    }

    [Fact]
    public async Task A_kazakh_speaker_the_consultant_could_not_reach_chooses_messages_only_and_the_card_shows_it()
    {
        var person = new TelegramPerson(Api, 19009, "kk", firstName: "Айгүл");
        var number = await RequestGrantInKazakhAsync(person);
        var temirtau = new ConsultantChat(Api, TemirtauChat, 510, "Ерлан");
        temirtau.Presses($"c:take:{number}");
        temirtau.Presses($"c:unreached:{number}");

        var message = await person.ReadsUntilAsync($"Кеңесші № {number} өтінім бойынша сізбен байланыса алмады.");
        Assert.Contains("Телефон нөміріңізді тексеріңіз: +77011234567.", message.Text);
        person.Presses("Тек хабарлама (қоңыраусыз)");
        await person.ReadsUntilAsync("Кеңесші сізге хабарлама жазады. Сізге қоңырау шалынбайды.");
        await person.ReadsUntilAsync("Басты мәзір");

        Assert.Equal("Telegram", Scalar($"SELECT contact_method FROM leads WHERE id = {number}"));
        var card = await temirtau.ReceivesAsync(c => c.Method == "editMessageText" && c.Text?.Contains("Связь: только сообщения в Telegram, не звонить.", StringComparison.Ordinal) == true, "the card");
        Assert.Contains("Статус — не удалось связаться.", card.Text);
        await temirtau.ReceivesAsync(c => c.Text?.Contains($"По заявке № {number} человек просит только сообщения", StringComparison.Ordinal) == true, "the note");
    }

    [Fact]
    public async Task A_person_who_blocked_the_bot_is_not_asked()
    {
        var person = new TelegramPerson(Api, 19010, "ru", firstName: "Жанна");
        await LeadScript.RequestJobCoachAsync(person, place: "Балхаш");
        Assert.Null(Scalar("UPDATE people SET is_active = 0 WHERE id = 19010"));

        await FinishAsync(new ConsultantChat(Api, BalkhashChat, 520, "Гаухар"), 1001);

        await Eventually.TrueAsync(() => Scalar("SELECT status FROM leads WHERE id = 1001") is "Done", "done");
        await Eventually.TrueAsync(() => Api.CallsOf("editMessageText").Count(c => c.ChatId == BalkhashChat) >= 3, "the cards edited");
        Assert.Null(Scalar("SELECT feedback_asked_at FROM leads WHERE id = 1001"));
        Assert.DoesNotContain(person.Received, m => m.Text?.Contains("Вы получили помощь", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task Forget_erases_the_feedback_comment_down_to_the_database_files_and_keeps_the_anonymous_rating()
    {
        var person = new TelegramPerson(Api, 19011, "ru", firstName: "Жанна");
        await LeadScript.RequestJobCoachAsync(person, place: "Балхаш");
        await FinishAsync(new ConsultantChat(Api, BalkhashChat, 520, "Гаухар"), 1001);
        await person.ReadsUntilAsync("Вы получили помощь");
        person.Presses("4 — помогли");
        await person.ReadsUntilAsync("Хотите добавить пару слов");
        person.Sends("Спасибо Гаухар за терпение");
        await person.ReadsUntilAsync("Спасибо! Ваш отзыв");
        Assert.Equal("Спасибо Гаухар за терпение", Scalar("SELECT feedback_comment FROM leads WHERE id = 1001"));

        person.Sends("/forget");
        await person.ReadsUntilAsync("Удалить все ваши данные?");
        person.Presses("Да, удалить");
        await person.ReadsUntilAsync("Ваши данные удалены");

        Assert.Null(Scalar("SELECT feedback_comment FROM leads WHERE id = 1001"));
        Assert.Equal("4|0", Scalar("SELECT rating || '|' || person_id FROM leads WHERE id = 1001"));
        await Eventually.TrueAsync(() => Scalar("SELECT COUNT(*) FROM outbox WHERE payload <> ''") is 0L);
        await Bot.App.StopAsync();
        foreach (var file in new[] { Bot.DatabasePath, Bot.DatabasePath + "-wal", Bot.DatabasePath + "-shm" }.Where(File.Exists))
        {
            await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy);
            Assert.True(copy.ToArray().AsSpan().IndexOf(Encoding.UTF8.GetBytes("за терпение")) < 0, $"The comment survives in {Path.GetFileName(file)}");
        }
    }

    /// <summary>Once its card is in the chat, the consultant takes the request, reaches the person, and marks it done.</summary>
    private async Task FinishAsync(ConsultantChat chat, long number)
    {
        await Eventually.TrueAsync(() => Scalar($"SELECT COUNT(*) FROM lead_cards WHERE lead_id = {number} AND chat_id = {chat.ChatId}") is 1L, "the card sent");
        foreach (var action in new[] { "take", "contacted", "done" })
        {
            chat.Presses($"c:{action}:{number}");
        }
    }

    /// <summary>A Kazakh-speaking person asks for a grant from Temirtau, to be called in the morning; returns the request number.</summary>
    private static async Task<long> RequestGrantInKazakhAsync(TelegramPerson person)
    {
        person.Sends("/start");
        await person.ReadsUntilAsync("Өзіңіз туралы");
        person.Presses("Мен мүгедектігі бар адаммын");
        await person.ReadsUntilAsync("Басты мәзір");
        person.Presses("Өз ісін ашуға грант");
        await person.ReadsUntilAsync("Bastau Business");
        person.Presses("Қатысқым келеді");
        await person.ReadsUntilAsync("курсынан өттіңіз бе");
        person.Presses("Иә, грантқа өтінім беремін");
        await person.ReadsUntilAsync("келісіміңіз керек");
        person.Presses("Келісемін");
        await person.ReadsUntilAsync("Атыңыз кім?");
        person.Sends("Айгүл");
        await person.ReadsUntilAsync("Телефон нөміріңіз");
        person.SharesContact("77011234567");
        await person.ReadsUntilAsync("Сізбен қалай байланысайық?");
        person.Presses("Маған қоңырау шалыңыз");
        await person.ReadsUntilAsync("қоңырау шалған ыңғайлы");
        person.Presses("Таңертең");
        await person.ReadsUntilAsync("Қай жерде тұрасыз?");
        person.SharesLocation(50.05, 72.96);
        await person.ReadsUntilAsync("Мүгедектік тобыңыз");
        person.Presses("Көрсеткім келмейді");
        await person.ReadsUntilAsync("Кеңесшіге тағы");
        person.Presses("Өткізіп жіберу");
        await person.ReadsUntilAsync("Өтініміңізді тексеріңіз");
        person.Presses("Растау");
        var done = await person.ReadsUntilAsync("өтініміңіз қабылданды");
        return long.Parse(System.Text.RegularExpressions.Regex.Match(done.Text!, @"№ (\d+)").Groups[1].Value, CultureInfo.InvariantCulture);
    }

    private object? Scalar(string sql) => Database.Scalar(Bot.DatabasePath, sql);
}

/// <summary>The follow-up's personal data at rest: encrypted with a key, anonymised by retention.</summary>
public sealed class FeedbackPrivacyTests
{
    [Fact]
    public async Task With_a_key_the_comment_is_encrypted_and_retention_removes_it_but_keeps_the_rating()
    {
        await using var api = await FakeBotApiServer.StartAsync();
        var clock = new ManualTimeProvider(new DateTimeOffset(2026, 11, 23, 5, 0, 0, TimeSpan.Zero));
        await using var bot = await BotUnderTest.StartAsync(api, configureServices: s => s.AddSingleton<TimeProvider>(clock), settings: new Dictionary<string, string?>
        {
            ["Consultants:0:ChatId"] = "-100530",
            ["Consultants:0:PointId"] = "career-balkhash",
            ["Storage:EncryptionKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
        });
        var person = new TelegramPerson(api, 19101, "ru", firstName: "Жанна");
        await LeadScript.RequestJobCoachAsync(person, place: "Балхаш");
        var chat = new ConsultantChat(api, -100530, 530, "Гаухар");
        foreach (var action in new[] { "take", "contacted", "done" })
        {
            chat.Presses($"c:{action}:1001");
        }

        await person.ReadsUntilAsync("Вы получили помощь");
        person.Sends("3");
        await person.ReadsUntilAsync("Хотите добавить пару слов");
        person.Sends("Нужно было больше времени");
        await person.ReadsUntilAsync("Спасибо! Ваш отзыв");
        var stored = (string)Database.Scalar(bot.DatabasePath, "SELECT feedback_comment FROM leads WHERE id = 1001")!;
        Assert.StartsWith("enc2:", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("времени", stored, StringComparison.Ordinal);
        person.Sends("/mydata");
        await person.ReadsUntilAsync("Ваш отзыв: Нужно было больше времени.");

        clock.Advance(TimeSpan.FromDays(181));
        await bot.Services.GetRequiredService<RetentionJob>().RunAsync(CancellationToken.None);

        Assert.Null(Database.Scalar(bot.DatabasePath, "SELECT feedback_comment FROM leads WHERE id = 1001"));
        Assert.Equal("3|0", Database.Scalar(bot.DatabasePath, "SELECT rating || '|' || person_id FROM leads WHERE id = 1001"));
    }

    [Theory]
    [InlineData("strings.ru.yaml")]
    [InlineData("strings.kk.yaml")]
    public void The_follow_up_buttons_fit_on_a_phone(string file)
    {
        string[] buttons = ["feedback.rate_1", "feedback.rate_2", "feedback.rate_3", "feedback.rate_4", "feedback.rate_5", "feedback.skip", "feedback.change_phone", "feedback.text_only", "feedback.number_right"];
        var texts = JumysBot.Localization.TextCatalogLoader.ReadFile(Path.Combine(Localization.ContentFolder.Path, file));

        Assert.All(buttons, key => Assert.InRange(texts[key].Length, 1, 40));
    }
}
