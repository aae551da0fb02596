using JumysBot.Tests.FakeBotApi;

namespace JumysBot.Tests.EndToEnd;

/// <summary>Registering interest over real HTTP, by buttons and by typing, with everything odd a person may send.</summary>
public sealed class LeadRequestTests : BotTestBase
{
    [Fact]
    public async Task A_kazakh_speaker_requests_a_grant_by_buttons_and_gets_a_number_and_the_nearest_point()
    {
        var person = new TelegramPerson(Api, 11001, "kk", firstName: "Айгүл");
        person.Sends("/start");
        await person.ReadsUntilAsync("Өзіңіз туралы");
        person.Presses("Мен мүгедектігі бар адаммын");
        await person.ReadsUntilAsync("Басты мәзір");
        person.Presses("Өз ісін ашуға грант");
        await person.ReadsUntilAsync("Bastau Business");

        person.Presses("Қатысқым келеді");
        await person.ReadsUntilAsync("Bastau Business курсынан өттіңіз бе?");
        person.Presses("Иә, грантқа өтінім беремін");
        var consent = await person.ReadsUntilAsync("келісіміңіз керек");
        Assert.Contains("Қарағанды облысының жұмыспен қамтуды үйлестіру және әлеуметтік бағдарламалар басқармасы", consent.Text);
        Assert.Contains("180 күн", consent.Text);
        person.Presses("Келісемін");
        await person.ReadsUntilAsync("Атыңыз кім?");
        person.Presses("Айгүл");

        var phoneQuestion = await person.ReadsUntilAsync("Телефон нөміріңіз");
        Assert.Contains(phoneQuestion.KeyboardButtons, b => b.Label == "Нөмірімді жіберу" && b.RequestsContact);
        person.SharesContact("77011234567");
        var keyboardGone = await person.ReadsAsync();
        Assert.True(keyboardGone.RemovesKeyboard, keyboardGone.ToString());
        await person.ReadsUntilAsync("Сізбен қалай байланысайық?");
        person.Presses("Маған қоңырау шалыңыз");
        await person.ReadsUntilAsync("қоңырау шалған ыңғайлы");
        person.Presses("Таңертең");
        var placeQuestion = await person.ReadsUntilAsync("Қай жерде тұрасыз?");
        Assert.Contains(placeQuestion.KeyboardButtons, b => b.RequestsLocation);
        person.SharesLocation(50.06, 72.99);
        await person.ReadsUntilAsync("Мүгедектік тобыңыз бар ма?");
        person.Presses("Екінші топ");
        await person.ReadsUntilAsync("Кеңесшіге тағы бірдеңе");
        person.SendsVoice("voice-1");

        var review = await person.ReadsUntilAsync("Өтініміңізді тексеріңіз");
        Assert.Contains("Атыңыз: Айгүл.", review.Text);
        Assert.Contains("Телефон: +77011234567.", review.Text);
        Assert.Contains("Мүгедектік тобыңыз: Екінші топ.", review.Text);
        Assert.Contains("Пікіріңіз: дауыстық хабарлама.", review.Text);
        person.Presses("Растау");

        var done = await person.ReadsUntilAsync("өтініміңіз қабылданды");
        Assert.Contains("№ 1001 өтініміңіз қабылданды.", done.Text);
        Assert.Contains("Теміртаудағы JumysTap кеңес беру пункті", done.Text);
        Assert.Contains("Басты мәзір", done.Text);
        Assert.Equal(1L, Scalar("SELECT COUNT(*) FROM leads"));
        Assert.Equal("+77011234567|jumystap-temirtau|Grant|grant|voice-1|kk|New", Scalar("SELECT phone || '|' || point_id || '|' || kind || '|' || topic || '|' || voice_file_id || '|' || language || '|' || status FROM leads"));
        Assert.Equal(1L, Scalar("SELECT COUNT(*) FROM lead_history WHERE lead_id = 1001 AND status = 'New'"));
    }

    [Fact]
    public async Task A_russian_speaking_mother_requests_short_courses_by_typing_and_asks_not_to_be_called()
    {
        var mother = new TelegramPerson(Api, 11002, "ru", firstName: "Гульнара");
        mother.Sends("/start");
        await mother.ReadsUntilAsync("Расскажите, кто вы");
        mother.Sends("2");
        await mother.ReadsUntilAsync("Главное меню");
        mother.Sends("обучение и курсы");
        await mother.ReadsUntilAsync("Обучение и курсы");
        mother.Sends("Краткосрочные курсы для мам");
        await mother.ReadsUntilAsync("Краткосрочные курсы для мам");
        mother.Sends("хочу участвовать");
        await mother.ReadsUntilAsync("согласие на обработку персональных данных");
        mother.Sends("1");
        await mother.ReadsUntilAsync("Как к вам обращаться?");
        mother.Sends("Гульнара Сейткали");
        await mother.ReadsUntilAsync("Ваш номер телефона");
        mother.Sends("8 (701) 765-43-21");
        await mother.ReadsUntilAsync("Как с вами связаться?");
        mother.Sends("Только сообщения в Telegram");
        await mother.ReadsUntilAsync("Где вы живёте?");
        mother.Sends("Выбрать из списка");
        await mother.ReadsUntilAsync("Выберите город или район");
        mother.Sends("Сарань");
        await mother.ReadsUntilAsync("Хотите что-то добавить");
        mother.Sends("Удобно после обеда, ребёнок в садике до 15:00");
        var review = await mother.ReadsUntilAsync("Проверьте, пожалуйста, заявку");
        Assert.Contains("Что: Обучение: Краткосрочные курсы для мам.", review.Text);
        Assert.Contains("Связь: Только сообщения в Telegram.", review.Text);
        Assert.Contains("Место: Сарань.", review.Text);
        Assert.Contains("Группа инвалидности: Инвалидность у ребёнка.", review.Text);
        mother.Sends("подтвердить");

        var done = await mother.ReadsUntilAsync("принята");
        Assert.Contains("Консультант напишет вам сообщение. Звонить вам не будут.", done.Text);
        Assert.Contains("Карьерный центр Сарани", done.Text);
        Assert.Equal("+77017654321|Telegram|saran|short-courses-mothers|Child", Scalar(
            "SELECT phone || '|' || contact_method || '|' || place_id || '|' || measure_id || '|' || disability_group FROM leads WHERE person_id = 11002"));
    }

    [Fact]
    public async Task Invalid_phones_foreign_contacts_and_odd_input_get_a_clear_answer_at_every_step()
    {
        var person = await AtConsentAsync(11003);

        person.Sends("может быть");
        await person.ReadsUntilAsync("Я не понял ответ");
        await person.ReadsUntilAsync("согласие на обработку");
        person.Presses("Согласен(на)");
        await person.ReadsUntilAsync("Как к вам обращаться?");
        person.Send(new System.Text.Json.Nodes.JsonObject { ["sticker"] = new System.Text.Json.Nodes.JsonObject { ["file_id"] = "s", ["file_unique_id"] = "s", ["type"] = "regular", ["width"] = 1, ["height"] = 1, ["is_animated"] = false, ["is_video"] = false } });
        await person.ReadsUntilAsync("Я понимаю только текст и кнопки");
        person.Sends("12345");
        await person.ReadsUntilAsync("Напишите, пожалуйста, имя буквами");
        person.Sends("Асель");
        await person.ReadsUntilAsync("Ваш номер телефона");

        person.Sends("12345");
        await person.ReadsUntilAsync("Я не узнал номер");
        person.Sends("+7 916 123 45 67");
        await person.ReadsUntilAsync("Я не узнал номер");
        person.SharesContact("+77019998877", ownerId: 999);
        await person.ReadsUntilAsync("Это номер другого человека");
        person.SharesLocation(49.8, 73.1);
        await person.ReadsUntilAsync("Я не узнал номер");
        person.Sends("1");
        await person.ReadsUntilAsync("«Отправить мой номер». Или напишите номер");
        person.Sends("87019998877");
        await person.ReadsUntilAsync("Как с вами связаться?");

        person.PressesData("lead:edit:hack");
        await person.ReadsUntilAsync("из старого сообщения");
        person.Sends("Позвоните мне");
        await person.ReadsUntilAsync("Когда вам удобно");
        person.Sends("В любое время");
        await person.ReadsUntilAsync("Где вы живёте?");
        person.Sends("Караганда, Юго-Восток");
        await person.ReadsUntilAsync("Выберите, пожалуйста, кнопкой");
        person.Sends("Выбрать из списка");
        await person.ReadsUntilAsync("Выберите город или район");
        person.Sends("Караганда");
        await person.ReadsUntilAsync("Есть ли у вас группа инвалидности?");
        person.Sends("Не хочу указывать");
        await person.ReadsUntilAsync("Хотите что-то добавить");
        person.Sends(new string('я', 10_000));

        var review = await person.ReadsUntilAsync("Проверьте, пожалуйста, заявку");
        Assert.True(review.Text!.Length < 4096);
        person.Presses("Подтвердить");
        await person.ReadsUntilAsync("принята");
        Assert.InRange((long)Scalar("SELECT LENGTH(comment) FROM leads WHERE person_id = 11003")!, 1000, 1001);
        Assert.Equal("jumystap-karaganda", Scalar("SELECT point_id FROM leads WHERE person_id = 11003"));
    }

    [Fact]
    public async Task An_answer_can_be_changed_from_the_review_and_back_works_at_every_step()
    {
        var person = await AtConsentAsync(11004);
        person.Presses("Согласен(на)");
        await person.ReadsUntilAsync("Как к вам обращаться?");
        person.Presses("Назад");
        await person.ReadsUntilAsync("согласие на обработку");
        person.Presses("Согласен(на)");
        await person.ReadsUntilAsync("Как к вам обращаться?");
        person.Sends("Данияр");
        await person.ReadsUntilAsync("Ваш номер телефона");
        person.Sends("Назад");
        await person.ReadsUntilAsync("Как к вам обращаться?");
        person.Sends("Данияр");
        await person.ReadsUntilAsync("Ваш номер телефона");
        person.Sends("87001112233");
        await person.ReadsUntilAsync("Как с вами связаться?");
        person.Presses("Только SMS или WhatsApp");
        await person.ReadsUntilAsync("Где вы живёте?");
        person.Sends("Выбрать из списка");
        await person.ReadsUntilAsync("Выберите город или район");
        person.Presses("Балхаш");
        await person.ReadsUntilAsync("Есть ли у вас группа");
        person.Presses("Третья группа");
        await person.ReadsUntilAsync("Хотите что-то добавить");
        person.Presses("Пропустить");
        await person.ReadsUntilAsync("Проверьте");

        person.Presses("Изменить телефон");
        await person.ReadsUntilAsync("Ваш номер телефона");
        person.Sends("87003334455");
        var review = await person.ReadsUntilAsync("Проверьте");
        Assert.Contains("Телефон: +77003334455.", review.Text);
        person.Presses("Подтвердить");
        await person.ReadsUntilAsync("принята");

        // The same kind of request again: the open one is shown, nothing is stored twice.
        person.Sends("/menu");
        await person.ReadsUntilAsync("Главное меню");
        person.Presses("Работа");
        await person.ReadsUntilAsync("Раздел «Работа»");
        person.Presses("Вакансии и поиск работы");
        await person.ReadsUntilAsync("Что вы получите");
        person.Presses("Оставить заявку");
        await person.ReadsUntilAsync("У вас уже есть открытая заявка № ");
        Assert.Equal(1L, Scalar("SELECT COUNT(*) FROM leads WHERE person_id = 11004"));
    }

    [Fact]
    public async Task Declining_consent_stores_nothing_and_the_person_can_still_read_everything()
    {
        var person = await AtConsentAsync(11005);

        person.Presses("Не согласен(на)");

        await person.ReadsUntilAsync("Без согласия я ничего не сохраняю");
        await person.ReadsUntilAsync("Главное меню");
        Assert.Equal(0L, Scalar("SELECT COUNT(*) FROM leads"));
        Assert.Null(Scalar("SELECT consent_version FROM people WHERE id = 11005"));
        person.Presses("Меры поддержки");
        await person.ReadsUntilAsync("Выберите раздел");
    }

    [Fact]
    public async Task Cancel_at_the_phone_step_takes_the_keyboard_away_and_keeps_nothing()
    {
        var person = await AtConsentAsync(11006);
        person.Presses("Согласен(на)");
        await person.ReadsUntilAsync("Как к вам обращаться?");
        person.Sends("Ерлан");
        await person.ReadsUntilAsync("Ваш номер телефона");

        person.Sends("Отмена");

        var cancelled = await person.ReadsUntilAsync("действие отменено");
        Assert.True(cancelled.RemovesKeyboard);
        Assert.Equal(0L, Scalar("SELECT COUNT(*) FROM leads"));
    }

    private async Task<TelegramPerson> AtConsentAsync(long id)
    {
        var person = new TelegramPerson(Api, id, "ru", firstName: "Асель");
        person.Sends("/start");
        await person.ReadsUntilAsync("Расскажите, кто вы");
        person.Presses("Я человек с инвалидностью");
        await person.ReadsUntilAsync("Главное меню");
        person.Presses("Работа");
        await person.ReadsUntilAsync("Раздел «Работа»");
        person.Presses("Вакансии и поиск работы");
        await person.ReadsUntilAsync("Что вы получите");
        person.Presses("Оставить заявку");
        await person.ReadsUntilAsync("согласие на обработку персональных данных");
        return person;
    }

    private object? Scalar(string sql) => Database.Scalar(Bot.DatabasePath, sql);
}
