using System.Globalization;
using JumysBot.Tests.FakeBotApi;

namespace JumysBot.Tests.EndToEnd;

/// <summary>
/// No dead ends: what another office handles (invataxi, technical aids, social services, rehabilitation) can be left as
/// a request the consultant passes on. And one rule for voice messages in every free-text step: where the words are
/// free (a request's comment, the few words after a rating) a voice message is kept and the consultants hear it; where
/// letters or digits are needed (a name, a phone, the menu) the answer is the same kind sentence and the question again.
/// </summary>
public sealed class OtherRequestsAndVoiceTests : BotTestBase
{
    private const long BalkhashChat = -100520;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Consultants:0:ChatId"] = BalkhashChat.ToString(CultureInfo.InvariantCulture),
        ["Consultants:0:PointId"] = "career-balkhash",
    };

    [Theory]
    [InlineData("инватакси", "Инватакси")]
    [InlineData("коляска", "Вспомогательные средства")]
    [InlineData("уход на дому", "Специальные социальные услуги")]
    [InlineData("реабилитация", "Центры реабилитации")]
    public async Task What_another_office_handles_is_a_request_the_consultant_sees_as_such_and_passes_on(string typed, string title)
    {
        var person = new TelegramPerson(Api, 62001, "ru", firstName: "Асель");
        person.Sends("/start");
        await person.ReadsUntilAsync("Расскажите, кто вы");
        person.Presses("Ухаживаю за близким");
        await person.ReadsUntilAsync("Главное меню");
        person.Sends(typed);
        await person.ReadsUntilAsync("по запросу");
        person.Presses(title);

        var card = await person.ReadsUntilAsync("Как подать заявку");
        Assert.Contains("отдел занятости и социальных программ", card.Text, StringComparison.Ordinal);
        Assert.Contains(card.Buttons, b => b.Label == "Оставить заявку");
        Assert.DoesNotContain(card.Buttons, b => b.Label is "Где обратиться" or "Хочу участвовать");
        person.Presses("Оставить заявку");
        await person.ReadsUntilAsync("согласие на обработку");
        person.Presses("Согласен(на)");
        await person.ReadsUntilAsync("Как к вам обращаться?");
        person.Presses("Асель");
        await person.ReadsUntilAsync("Ваш номер телефона");
        person.Sends("87011234567");
        await person.ReadsUntilAsync("Как с вами связаться?");
        person.Presses("Только сообщения в Telegram");
        await person.ReadsUntilAsync("Где вы живёте?");
        person.Sends("Выбрать из списка");
        await person.ReadsUntilAsync("Выберите город или район");
        person.Presses("Балхаш");
        await person.ReadsUntilAsync("Хотите что-то добавить");
        person.Presses("Пропустить");
        var review = await person.ReadsUntilAsync("Проверьте, пожалуйста, заявку");
        Assert.Contains($"Что: Другой вопрос: {title}.", review.Text, StringComparison.Ordinal);
        person.Presses("Подтвердить");

        var done = await person.ReadsUntilAsync("принята");
        Assert.Contains("Консультант передаст туда вашу заявку", done.Text, StringComparison.Ordinal);
        var consultants = new ConsultantChat(Api, BalkhashChat, 520, "Гаухар");
        var leadCard = await consultants.ReceivesAsync(c => c.Method == "sendMessage" && c.Text?.Contains("Заявка № 1001", StringComparison.Ordinal) == true, "the card");
        Assert.Contains($"Что: Другой вопрос: {title}.", leadCard.Text, StringComparison.Ordinal);
        Assert.Contains("Это не услуга пункта. Передайте заявку в отдел занятости и социальных программ", leadCard.Text, StringComparison.Ordinal);
        Assert.Equal("Other|career-balkhash", Database.Scalar(Bot.DatabasePath, "SELECT kind || '|' || point_id FROM leads WHERE id = 1001"));
    }

    [Fact]
    public async Task A_voice_message_is_kept_where_words_are_free_and_kindly_refused_where_letters_or_digits_are_needed()
    {
        const string Refused = "Голосовое сообщение на этот вопрос я не могу разобрать. Ответьте, пожалуйста, текстом или кнопкой.";
        var person = new TelegramPerson(Api, 62002, "ru", firstName: "Данияр");
        person.Sends("/start");
        await person.ReadsUntilAsync("Расскажите, кто вы");
        person.SendsVoice("v-role");
        Assert.Contains("Расскажите, кто вы", (await person.ReadsUntilAsync(Refused)).Text, StringComparison.Ordinal);
        person.Presses("Я человек с инвалидностью");
        await person.ReadsUntilAsync("Главное меню");
        person.SendsVoice("v-menu");
        Assert.Contains("Главное меню", (await person.ReadsUntilAsync(Refused)).Text, StringComparison.Ordinal);

        person.Sends("наставник");
        await person.ReadsUntilAsync("по запросу");
        person.Presses("Job coach (наставник)");
        await person.ReadsUntilAsync("Что вы получите");
        person.Presses("Оставить заявку");
        await person.ReadsUntilAsync("Какая помощь наставника");
        person.Presses("Найти работу");
        await person.ReadsUntilAsync("согласие на обработку");
        person.Presses("Согласен(на)");
        await person.ReadsUntilAsync("Как к вам обращаться?");
        person.SendsVoice("v-name");
        Assert.Contains("Нажмите кнопку с вашим именем из Telegram", (await person.ReadsUntilAsync(Refused)).Text, StringComparison.Ordinal);
        person.Presses("Данияр");
        await person.ReadsUntilAsync("Ваш номер телефона");
        person.SendsVoice("v-phone");
        Assert.Contains("«Отправить мой номер»", (await person.ReadsUntilAsync(Refused)).Text, StringComparison.Ordinal);
        person.Sends("87011234567");
        await person.ReadsUntilAsync("Как с вами связаться?");
        person.Presses("Позвоните мне");
        await person.ReadsUntilAsync("Когда вам удобно");
        person.Presses("В любое время");
        await person.ReadsUntilAsync("Где вы живёте?");
        person.Sends("Выбрать из списка");
        await person.ReadsUntilAsync("Выберите город или район");
        person.Presses("Балхаш");
        await person.ReadsUntilAsync("Есть ли у вас группа инвалидности?");
        person.Presses("Не хочу указывать");
        await person.ReadsUntilAsync("Хотите что-то добавить");
        person.SendsVoice("v-comment");
        Assert.Contains("Комментарий: голосовое сообщение.", (await person.ReadsUntilAsync("Проверьте")).Text, StringComparison.Ordinal);
        person.Presses("Подтвердить");
        await person.ReadsUntilAsync("принята");

        // The new number after the consultant could not reach the person: a phone again.
        var consultants = new ConsultantChat(Api, BalkhashChat, 520, "Гаухар");
        await Eventually.TrueAsync(() => Database.Scalar(Bot.DatabasePath, "SELECT COUNT(*) FROM lead_cards WHERE lead_id = 1001") is 1L, "the card sent");
        consultants.Presses("c:take:1001");
        consultants.Presses("c:unreached:1001");
        await person.ReadsUntilAsync("Консультант не смог связаться с вами");
        person.Presses("Изменить номер");
        await person.ReadsUntilAsync("Напишите новый номер телефона");
        person.SendsVoice("v-new-phone");
        Assert.Contains("Напишите новый номер телефона", (await person.ReadsUntilAsync(Refused)).Text, StringComparison.Ordinal);
        person.Sends("87057654321");
        await person.ReadsUntilAsync("Я записал новый номер");

        // The few words after a rating: kept, and the consultants hear them.
        consultants.Presses("c:contacted:1001");
        consultants.Presses("c:done:1001");
        await person.ReadsUntilAsync("Вы получили помощь");
        person.Presses("5 — очень помогли");
        await person.ReadsUntilAsync("отправьте голосовое сообщение");
        person.SendsVoice("v-feedback");
        await person.ReadsUntilAsync("Спасибо! Ваш отзыв поможет консультантам работать лучше.");

        var voice = await Api.WaitForCallAsync(c => c.Method == "sendVoice" && c.ChatId == BalkhashChat && c.Body["voice"]!.GetValue<string>() == "v-feedback", "the feedback voice");
        Assert.Equal("Отзыв голосом по заявке № 1001. Оценка помощи: 5 из 5.", voice.Body["caption"]!.GetValue<string>());
        Assert.True(voice.Body["protect_content"]!.GetValue<bool>());
        person.Sends("/mydata");
        Assert.Contains("Ваш отзыв: голосовое сообщение.", (await person.ReadsUntilAsync("Ваша оценка помощи: 5 из 5.")).Text, StringComparison.Ordinal);
        Assert.Equal(0L, Database.Scalar(Bot.DatabasePath, "SELECT COUNT(*) FROM leads WHERE voice_file_id IN ('v-name', 'v-phone', 'v-new-phone')"));
    }
}
