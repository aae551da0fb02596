using JumysBot.Tests.FakeBotApi;

namespace JumysBot.Tests.EndToEnd;

/// <summary>Leads reach the right point's chat, consultants work them from the card, and nobody else can.</summary>
public sealed class ConsultantTests : BotTestBase
{
    private const long TemirtauChat = -100500;
    private const long KaragandaChat = -100600;
    private const long AdminId = 777;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Consultants:0:ChatId"] = TemirtauChat.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Consultants:0:PointId"] = "jumystap-temirtau",
        ["Consultants:1:ChatId"] = KaragandaChat.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Consultants:1:PointId"] = "jumystap-karaganda",
        ["Bot:AdminIds:0"] = AdminId.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    [Fact]
    public async Task A_location_in_temirtau_routes_to_temirtau_and_one_in_karaganda_to_karaganda_with_the_card_and_its_buttons()
    {
        var temirtau = new ConsultantChat(Api, TemirtauChat, 501, "Ерлан");
        var karaganda = new ConsultantChat(Api, KaragandaChat, 601, "Мадина");

        var first = await RequestGrantAsync(13001, latitude: 50.07, longitude: 72.95);
        var second = await RequestGrantAsync(13002, latitude: 49.81, longitude: 73.09);

        var temirtauCard = await temirtau.ReceivesAsync(c => c.Text?.Contains("Заявка № ", StringComparison.Ordinal) == true, "a card in Temirtau");
        Assert.Contains($"Заявка № {first}. Статус — новая.", temirtauCard.Text);
        Assert.Contains("Телефон: +77011234567.", temirtauCard.Text);
        Assert.Contains("Связь: звонок, утром.", temirtauCard.Text);
        Assert.Equal([("Взять в работу", $"c:take:{first}")], temirtauCard.Buttons);
        var karagandaCard = await karaganda.ReceivesAsync(c => c.Text?.Contains($"Заявка № {second}", StringComparison.Ordinal) == true, "a card in Karaganda");
        Assert.Contains("Место: по геолокации", karagandaCard.Text);
        Assert.DoesNotContain(temirtau.Received, c => c.Text?.Contains($"Заявка № {second}", StringComparison.Ordinal) == true);
        // The points' coordinates are town centres: the confirmation says so and the consultant will tell the address.
        var confirmation = new TelegramPerson(Api, 13001, "kk").Received.Single(m => m.Text!.Contains("қабылданды", StringComparison.Ordinal));
        Assert.Contains("Қала орталығына дейін", confirmation.Text, StringComparison.Ordinal);
        Assert.Contains("нақты мекенжайын кеңесші айтады", confirmation.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(Api.CallsOf("sendVenue"), v => v.ChatId == 13001);
    }

    [Fact]
    public async Task A_card_whose_answer_was_lost_comes_again_saying_it_may_be_a_repeat_and_the_person_hears_once()
    {
        var temirtau = new ConsultantChat(Api, TemirtauChat, 501, "Ерлан");
        Api.LoseNextAnswerFor("sendMessage", TemirtauChat);

        var number = await RequestGrantAsync(13010, latitude: 50.07, longitude: 72.95);

        await Eventually.TrueAsync(() => temirtau.Received.Count(c => c.Text?.Contains($"Заявка № {number}.", StringComparison.Ordinal) == true) >= 2, "the card twice", TimeSpan.FromSeconds(30));
        var copies = temirtau.Received.Where(c => c.Text?.Contains($"Заявка № {number}.", StringComparison.Ordinal) == true).ToList();
        Assert.Equal(2, copies.Count);
        Assert.StartsWith($"Заявка № {number}.", copies[0].Text, StringComparison.Ordinal);
        Assert.StartsWith("Повторная отправка", copies[1].Text, StringComparison.Ordinal);
        Assert.Equal([("Взять в работу", $"c:take:{number}")], copies[1].Buttons);
    }

    [Fact]
    public async Task A_card_refused_with_429_comes_again_without_the_repeat_note()
    {
        var temirtau = new ConsultantChat(Api, TemirtauChat, 501, "Ерлан");
        Api.FailNextFor("sendMessage", TemirtauChat, 429, """{"ok":false,"error_code":429,"description":"Too Many Requests: retry after 1","parameters":{"retry_after":1}}""");

        var number = await RequestGrantAsync(13011, latitude: 50.07, longitude: 72.95);

        var card = await temirtau.ReceivesAsync(c => c.Text?.Contains($"Заявка № {number}.", StringComparison.Ordinal) == true, "the card");
        Assert.StartsWith($"Заявка № {number}.", card.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Take_edits_the_card_in_place_and_tells_the_person()
    {
        var temirtau = new ConsultantChat(Api, TemirtauChat, 501, "Ерлан");
        var number = await RequestGrantAsync(13003, latitude: 50.05, longitude: 72.96);
        var card = await temirtau.ReceivesAsync(c => c.Text?.Contains($"Заявка № {number}", StringComparison.Ordinal) == true, "the card");
        var cardMessageId = await SentMessageIdAsync(card);

        temirtau.Presses($"c:take:{number}", cardMessageId);

        var edit = await temirtau.ReceivesAsync(c => c.Method == "editMessageText", "the edited card");
        Assert.Equal(cardMessageId, edit.Body["message_id"]!.GetValue<int>());
        Assert.Contains("Статус — в работе.", edit.Text);
        Assert.Contains("Статус изменил(а): Ерлан.", edit.Text);
        Assert.Equal(["c:contacted:" + number, "c:unreached:" + number, "c:return:" + number], edit.Buttons.Select(b => b.Data));
        var person = new TelegramPerson(Api, 13003, "kk");
        await person.ReadsUntilAsync("қарауға алды");
        Assert.Equal("InProgress", Scalar($"SELECT status FROM leads WHERE id = {number}"));
        Assert.Equal(2L, Scalar($"SELECT COUNT(*) FROM lead_history WHERE lead_id = {number}"));
    }

    [Fact]
    public async Task A_stranger_pressing_take_on_a_forged_card_changes_nothing()
    {
        var number = await RequestGrantAsync(13004, latitude: 50.05, longitude: 72.96);
        var temirtau = new ConsultantChat(Api, TemirtauChat, 501, "Ерлан");
        await temirtau.ReceivesAsync(c => c.Text?.Contains($"Заявка № {number}", StringComparison.Ordinal) == true, "the card");
        var stranger = new ConsultantChat(Api, 99999, 99999, "Чужой");
        var otherPoint = new ConsultantChat(Api, KaragandaChat, 601, "Мадина");

        stranger.Presses($"c:take:{number}");
        otherPoint.Presses($"c:take:{number}");
        stranger.Presses($"c:done:{number}");
        stranger.Presses("c:take:not-a-number");

        await stranger.ReceivesAsync(c => c.Text?.Contains("недоступна", StringComparison.Ordinal) == true, "a refusal");
        await otherPoint.ReceivesAsync(c => c.Text?.Contains("недоступна", StringComparison.Ordinal) == true, "a refusal");
        await Api.WaitForCallAsync(_ => stranger.Received.Count(c => c.Text!.Contains("недоступна", StringComparison.Ordinal)) == 3, "three refusals");
        Assert.Equal("New", Scalar($"SELECT status FROM leads WHERE id = {number}"));
        Assert.Empty(Api.CallsOf("editMessageText"));
        Assert.DoesNotContain(stranger.Received, c => c.Text!.Contains("+7", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Export_yields_a_csv_that_parses_and_leads_lists_the_open_ones()
    {
        var first = await RequestGrantAsync(13005, latitude: 50.05, longitude: 72.96);
        var temirtau = new ConsultantChat(Api, TemirtauChat, 501, "Ерлан");
        var card = await temirtau.ReceivesAsync(c => c.Text?.Contains($"Заявка № {first}", StringComparison.Ordinal) == true, "the card");
        // Cards and exports carry the person's data: they cannot be forwarded or saved from the chat.
        Assert.True(card.Body["protect_content"]?.GetValue<bool>());

        temirtau.Sends("/export 7");

        var export = await temirtau.ReceivesAsync(c => c.Method == "sendDocument", "the export");
        Assert.Equal("true", export.Body["protect_content"]?.GetValue<string>(), ignoreCase: true);
        // Who exported which point's requests is audited; nothing of the requests themselves is.
        Assert.Equal("501 export 7d jumystap-temirtau", Scalar("SELECT actor || ' ' || action || ' ' || point_id FROM audit_log"));
        var csv = export.Body["document_content"]!.GetValue<string>();
        Assert.StartsWith("\uFEFF", csv, StringComparison.Ordinal);
        var rows = ParseCsv(csv.TrimStart('\uFEFF'));
        Assert.Equal("Номер", rows[0][0]);
        var row = rows.Single(r => r[0] == first.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(rows[0].Length, row.Length);
        // The phone as text: a spreadsheet neither reads it as a number nor as a formula.
        Assert.Contains("'+77011234567", row);
        Assert.Contains("Удобно \"после обеда\"; спасибо", row);
        Assert.Contains("Айгүл Сейтқали", row);

        temirtau.Sends("/leads");
        await temirtau.ReceivesAsync(c => c.Text?.Contains("Открытых заявок: 1.", StringComparison.Ordinal) == true, "the open list");
    }

    [Fact]
    public async Task A_chat_asks_to_become_a_consultant_chat_and_an_administrator_approves_it()
    {
        var newChat = new ConsultantChat(Api, -100700, 701, "Гаухар", title: "Балхаш консультанты");
        var admin = new ConsultantChat(Api, AdminId, AdminId, "Админ");

        newChat.Sends("/leads");
        await newChat.ReceivesAsync(c => c.Text?.Contains("/consultant", StringComparison.Ordinal) == true, "how to connect");
        newChat.Sends("/consultant");
        await newChat.ReceivesAsync(c => c.Text?.Contains("Запрос отправлен", StringComparison.Ordinal) == true, "the request");
        var question = await admin.ReceivesAsync(c => c.Text?.Contains("Балхаш консультанты", StringComparison.Ordinal) == true, "the approval card");
        Assert.Contains(question.Buttons, b => b.Data == "a:ok:-100700:career-balkhash");

        // Someone who is not an administrator cannot approve it.
        newChat.Presses("a:ok:-100700:career-balkhash");
        await newChat.ReceivesAsync(c => c.Text?.Contains("недоступна", StringComparison.Ordinal) == true, "a refusal");
        admin.Presses("a:ok:-100700:career-balkhash");
        await newChat.ReceivesAsync(c => c.Text?.Contains("подключён к пункту «Карьерный центр Балхаша»", StringComparison.Ordinal) == true, "the welcome");

        var number = await RequestGrantAsync(13006, latitude: 46.85, longitude: 75.00);
        await newChat.ReceivesAsync(c => c.Text?.Contains($"Заявка № {number}", StringComparison.Ordinal) == true, "a card in the new chat");

        admin.Sends("/consultants");
        var list = await admin.ReceivesAsync(c => c.Text?.Contains("Чаты консультантов", StringComparison.Ordinal) == true, "the list");
        admin.Presses(list.Buttons.First(b => b.Data == "a:revoke:-100700").Data);
        await admin.ReceivesAsync(c => c.Text?.Contains("Доступ отозван", StringComparison.Ordinal) == true, "revoked");
        newChat.Sends("/leads");
        await Api.WaitForCallAsync(_ => newChat.Received.Count(c => c.Text!.Contains("/consultant", StringComparison.Ordinal)) == 2, "not bound any more");
    }

    [Fact]
    public async Task Asking_twice_notifies_the_administrators_once_and_a_private_chat_is_told_bindings_are_for_groups()
    {
        var group = new ConsultantChat(Api, -100710, 711, "Гаухар", title: "Сарань консультанты");
        var admin = new ConsultantChat(Api, AdminId, AdminId, "Админ");
        var person = new TelegramPerson(Api, 13071, "ru", firstName: "Ерлан");

        group.Sends("/consultant");
        var question = await admin.ReceivesAsync(c => c.Text?.Contains("Сарань консультанты", StringComparison.Ordinal) == true, "the approval card");
        group.Sends("/consultant");
        await group.ReceivesAsync(c => c.Text?.Contains("Запрос уже у администратора", StringComparison.Ordinal) == true, "the reminder");
        person.Sends("/consultant");
        await person.ReadsUntilAsync("только групповому чату");

        // Who asked, and in which kind of chat, is on the administrator's card.
        Assert.Contains("Попросил(а): Гаухар", question.Text, StringComparison.Ordinal);
        Assert.StartsWith("Супергруппа", question.Text, StringComparison.Ordinal);
        Assert.Single(admin.Received, c => c.Text?.Contains("просит доступ", StringComparison.Ordinal) == true);
        Assert.Null(Scalar("SELECT chat_id FROM consultant_requests WHERE chat_id = 13071"));
    }

    [Fact]
    public async Task Administrators_see_the_figures()
    {
        await RequestGrantAsync(13007, latitude: 50.05, longitude: 72.96);
        var admin = new ConsultantChat(Api, AdminId, AdminId, "Админ");

        admin.Sends("/stats");

        var stats = await admin.ReceivesAsync(c => c.Text?.Contains("Воронка", StringComparison.Ordinal) == true, "the stats");
        Assert.Contains("Пункт консультации JumysTap в Темиртау: 1", stats.Text);
        Assert.Contains("Воронка: начали 1, дали согласие 1, отправили 1, взяты в работу 0, завершены 0.", stats.Text);
        Assert.Equal($"{AdminId} stats", Scalar("SELECT actor || ' ' || action FROM audit_log"));
    }

    [Fact]
    public async Task A_group_that_became_a_supergroup_keeps_getting_cards_under_its_new_id()
    {
        Api.FailNextFor("sendMessage", TemirtauChat, 400, """{"ok":false,"error_code":400,"description":"Bad Request: group chat was upgraded to a supergroup chat","parameters":{"migrate_to_chat_id":-1009999}}""");
        var number = await RequestGrantAsync(13008, latitude: 50.05, longitude: 72.96);
        var moved = new ConsultantChat(Api, -1009999, 501, "Ерлан");

        await moved.ReceivesAsync(c => c.Text?.Contains($"Заявка № {number}", StringComparison.Ordinal) == true, "the card under the new id");
        Assert.Equal("jumystap-temirtau", Scalar("SELECT point_id FROM consultant_chats WHERE chat_id = -1009999"));
        // The old id stays behind, inactive, pointing at the new one: still configured, it is not bound again.
        Assert.Equal(0L, Scalar($"SELECT active FROM consultant_chats WHERE chat_id = {TemirtauChat}"));
        Assert.Equal(-1009999L, Scalar($"SELECT moved_to FROM consultant_chats WHERE chat_id = {TemirtauChat}"));
    }

    [Fact]
    public async Task A_consultant_chat_that_blocked_theBot_loses_its_binding_and_the_administrators_are_told()
    {
        Api.FailNextFor("sendMessage", TemirtauChat, 403, """{"ok":false,"error_code":403,"description":"Forbidden: bot was kicked from the supergroup chat"}""");
        await RequestGrantAsync(13009, latitude: 50.05, longitude: 72.96);
        var admin = new ConsultantChat(Api, AdminId, AdminId, "Админ");

        await admin.ReceivesAsync(c => c.Text?.Contains("заблокировал бота", StringComparison.Ordinal) == true, "the alert");
        Assert.Equal(0L, Scalar($"SELECT active FROM consultant_chats WHERE chat_id = {TemirtauChat}"));
    }

    [Fact]
    public async Task A_voice_message_is_forwarded_with_the_card_and_minimal_cards_carry_no_personal_data()
    {
        await using var api = await FakeBotApiServer.StartAsync();
        await using var bot = await BotUnderTest.StartAsync(api, settings: new Dictionary<string, string?>
        {
            ["Consultants:0:ChatId"] = "-100800",
            ["Consultants:0:PointId"] = "career-balkhash",
            ["Leads:MinimalCards"] = "true",
        });
        var person = new TelegramPerson(api, 13010, "ru", firstName: "Жанна");

        await LeadScript.RequestJobCoachAsync(person, place: "Балхаш");

        var chat = new ConsultantChat(api, -100800, 800, "Гаухар");
        var card = await chat.ReceivesAsync(c => c.Text?.Contains("Заявка № ", StringComparison.Ordinal) == true, "the card");
        Assert.Contains("Место: Балхаш.", card.Text);
        Assert.DoesNotContain("+7", card.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Жанна", card.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Группа", card.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_persons_voice_message_reaches_the_consultants_with_the_card()
    {
        var person = new TelegramPerson(Api, 13011, "ru", firstName: "Данияр");
        person.Sends("/start");
        await person.ReadsUntilAsync("Расскажите, кто вы");
        person.Presses("Я человек с инвалидностью");
        await person.ReadsUntilAsync("Главное меню");
        person.Presses("Грант на своё дело");
        await person.ReadsUntilAsync("Bastau Business");
        person.Presses("Хочу участвовать");
        await person.ReadsUntilAsync("Вы уже прошли курс");
        person.Presses("Нет, хочу пройти курс");
        await person.ReadsUntilAsync("согласие на обработку");
        person.Presses("Согласен(на)");
        await person.ReadsUntilAsync("Как к вам обращаться?");
        person.Presses("Данияр");
        await person.ReadsUntilAsync("Ваш номер телефона");
        person.Sends("+7 747 123 45 67");
        await person.ReadsUntilAsync("Как с вами связаться?");
        person.Presses("Только SMS или WhatsApp");
        await person.ReadsUntilAsync("Где вы живёте?");
        person.SharesLocation(50.05, 72.96);
        await person.ReadsUntilAsync("Есть ли у вас группа");
        person.Presses("Не хочу указывать");
        await person.ReadsUntilAsync("Хотите что-то добавить");
        person.SendsVoice("AwACAgIAAxkBAAIB");
        Assert.Contains("Комментарий: голосовое сообщение.", (await person.ReadsUntilAsync("Проверьте")).Text);
        person.Presses("Подтвердить");
        await person.ReadsUntilAsync("принята");

        var voice = await Api.WaitForCallAsync(c => c.Method == "sendVoice" && c.ChatId == TemirtauChat, "the forwarded voice");
        Assert.Equal("AwACAgIAAxkBAAIB", voice.Body["voice"]!.GetValue<string>());
        var card = new ConsultantChat(Api, TemirtauChat, 501, "Ерлан").Received.First(c => c.Text?.Contains("Заявка № ", StringComparison.Ordinal) == true);
        Assert.Contains("Связь: только SMS или WhatsApp, не звонить.", card.Text);
        Assert.Contains("Голосовое сообщение человека придёт следующим сообщением.", card.Text);
        Assert.DoesNotContain("Группа", card.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_consultants_chat_can_read_in_kazakh_and_the_other_chats_stay_in_russian()
    {
        var temirtau = new ConsultantChat(Api, TemirtauChat, 501, "Ерлан");
        var karaganda = new ConsultantChat(Api, KaragandaChat, 601, "Мадина");

        temirtau.Sends("/language");
        var question = await temirtau.ReceivesAsync(c => c.Text?.Contains("Тілді таңдаңыз", StringComparison.Ordinal) == true, "the language question");
        Assert.Equal([("Қазақша", "cl:kk"), ("Русский", "cl:ru")], question.Buttons);
        temirtau.Presses("cl:kk");
        await temirtau.ReceivesAsync(c => c.Text == "Дайын. Енді бұл чатта қазақша жазамын: өтінім карточкалары, еске салулар және ескертпелер.", "the change in Kazakh");

        var first = await RequestGrantAsync(13021, latitude: 50.07, longitude: 72.95);
        var card = await temirtau.ReceivesAsync(c => c.Text?.Contains($"№ {first} өтінім", StringComparison.Ordinal) == true, "a card in Kazakh");
        Assert.Contains($"№ {first} өтінім. Мәртебесі — жаңа.", card.Text, StringComparison.Ordinal);
        Assert.Contains("Байланыс: қоңырау, таңертең.", card.Text, StringComparison.Ordinal);
        Assert.Equal([("Қарауға алу", $"c:take:{first}")], card.Buttons);
        temirtau.Presses($"c:take:{first}");
        var taken = await temirtau.ReceivesAsync(c => c.Method == "editMessageText" && c.Text?.Contains("Мәртебесі — қаралуда.", StringComparison.Ordinal) == true, "the card edited in Kazakh");
        Assert.Contains("Мәртебені өзгерткен: Ерлан.", taken.Text, StringComparison.Ordinal);
        temirtau.Sends("/leads");
        await temirtau.ReceivesAsync(c => c.Text == "Ашық өтінімдер: 1.", "/leads in Kazakh");

        var second = await RequestGrantAsync(13022, latitude: 49.81, longitude: 73.09);
        var russian = await karaganda.ReceivesAsync(c => c.Text?.Contains($"Заявка № {second}", StringComparison.Ordinal) == true, "a card in Russian");
        Assert.Contains("Статус — новая.", russian.Text, StringComparison.Ordinal);

        temirtau.Presses("cl:ru");
        await temirtau.ReceivesAsync(c => c.Text?.StartsWith("Готово. Теперь в этом чате я пишу по-русски", StringComparison.Ordinal) == true, "back to Russian");
        temirtau.Sends("/leads");
        await temirtau.ReceivesAsync(c => c.Text == "Открытых заявок: 1.", "/leads in Russian");
    }

    [Fact]
    public async Task Language_in_a_chat_that_is_not_bound_changes_nothing()
    {
        var stranger = new ConsultantChat(Api, -100999, 901, "Бекзат");

        stranger.Sends("/language");
        await stranger.ReceivesAsync(c => c.Text?.StartsWith("Эта команда только для чатов консультантов", StringComparison.Ordinal) == true, "not bound");
        stranger.Presses("cl:kk");
        await Eventually.TrueAsync(() => stranger.Received.Count(c => c.Text?.StartsWith("Эта команда только для чатов консультантов", StringComparison.Ordinal) == true) == 2, "not bound again");
    }

    /// <summary>A Kazakh-speaking person asks for a grant, sharing a location; returns the request number.</summary>
    private async Task<long> RequestGrantAsync(long id, double latitude, double longitude)
    {
        var person = new TelegramPerson(Api, id, "kk", firstName: "Айгүл");
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
        person.Sends("Айгүл Сейтқали");
        await person.ReadsUntilAsync("Телефон нөміріңіз");
        person.SharesContact("77011234567");
        await person.ReadsUntilAsync("Сізбен қалай байланысайық?");
        person.Presses("Маған қоңырау шалыңыз");
        await person.ReadsUntilAsync("қоңырау шалған ыңғайлы");
        person.Presses("Таңертең");
        await person.ReadsUntilAsync("Қай жерде тұрасыз?");
        person.SharesLocation(latitude, longitude);
        await person.ReadsUntilAsync("Мүгедектік тобыңыз");
        person.Presses("Көрсеткім келмейді");
        await person.ReadsUntilAsync("Кеңесшіге тағы");
        person.Sends("Удобно \"после обеда\"; спасибо");
        await person.ReadsUntilAsync("Өтініміңізді тексеріңіз");
        person.Presses("Растау");
        var done = await person.ReadsUntilAsync("өтініміңіз қабылданды");
        var match = System.Text.RegularExpressions.Regex.Match(done.Text!, @"№ (\d+)");
        return long.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The message id the fake server gave a sent card (ids are handed out in call order).</summary>
    private async Task<int> SentMessageIdAsync(ApiCall card)
    {
        var lead = System.Text.RegularExpressions.Regex.Match(card.Text!, @"№ (\d+)").Groups[1].Value;
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            if (Scalar($"SELECT message_id FROM lead_cards WHERE lead_id = {lead} AND chat_id = {card.ChatId}") is long id)
            {
                return (int)id;
            }

            Assert.True(DateTime.UtcNow < deadline, "The card's message id was not recorded.");
            await Task.Delay(50);
        }
    }

    private object? Scalar(string sql) => Database.Scalar(Bot.DatabasePath, sql);

    private static List<string[]> ParseCsv(string csv)
    {
        var rows = new List<string[]>();
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < csv.Length; i++)
        {
            var c = csv[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < csv.Length && csv[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ';')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\n')
            {
                fields.Add(field.ToString().TrimEnd('\r'));
                field.Clear();
                rows.Add([.. fields]);
                fields.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        return rows;
    }
}
