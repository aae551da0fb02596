using System.Globalization;
using JumysBot.Tests.FakeBotApi;

namespace JumysBot.Tests.EndToEnd;

/// <summary>
/// One message a step on the main journeys: each message is one more thing a screen-reader user listens to and one
/// more share of the bot's 30 a second. The only second message is the one Telegram needs to take a reply keyboard
/// away before a question with inline buttons. Each step's count is read once its question (always its last
/// message) has arrived, so nothing of that step can still be on its way.
/// </summary>
public sealed class MessagesPerStepTests : BotTestBase
{
    private const long BalkhashChat = -100520;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Consultants:0:ChatId"] = BalkhashChat.ToString(CultureInfo.InvariantCulture),
        ["Consultants:0:PointId"] = "career-balkhash",
    };

    [Fact]
    public async Task Start_role_and_menu_take_one_message_each()
    {
        var person = new TelegramPerson(Api, 61001, "ru");

        await StepAsync(person, () => person.Sends("/start"), "Расскажите, кто вы", expected: 1);
        await StepAsync(person, () => person.Presses("Я человек с инвалидностью"), "Главное меню", expected: 1);
        await StepAsync(person, () => person.Sends("/menu"), "Главное меню", expected: 1);
    }

    [Fact]
    public async Task A_training_request_from_start_to_confirmation_takes_one_message_a_step()
    {
        var person = new TelegramPerson(Api, 61002, "ru", firstName: "Асель");

        await StepAsync(person, () => person.Sends("/start"), "Расскажите, кто вы", expected: 1);
        await StepAsync(person, () => person.Presses("Ухаживаю за близким"), "Главное меню", expected: 1);
        await StepAsync(person, () => person.Presses("Обучение и курсы"), "Раздел «Обучение и курсы»", expected: 1);
        await StepAsync(person, () => person.Presses("Краткосрочные курсы для мам"), "Что вы получите", expected: 1);
        await StepAsync(person, () => person.Presses("Хочу участвовать"), "согласие на обработку", expected: 1);
        await StepAsync(person, () => person.Presses("Согласен(на)"), "Как к вам обращаться?", expected: 1);
        await StepAsync(person, () => person.Presses("Асель"), "Ваш номер телефона", expected: 1);
        // The phone question has a reply keyboard; Telegram takes it away only with a message of its own.
        await StepAsync(person, () => person.Sends("87011234567"), "Как с вами связаться?", expected: 2);
        await StepAsync(person, () => person.Presses("Только сообщения в Telegram"), "Где вы живёте?", expected: 1);
        await StepAsync(person, () => person.Sends("Выбрать из списка"), "Выберите город или район", expected: 2);
        await StepAsync(person, () => person.Presses("Балхаш"), "Хотите что-то добавить", expected: 1);
        await StepAsync(person, () => person.Presses("Пропустить"), "Проверьте, пожалуйста, заявку", expected: 1);
        var done = await StepAsync(person, () => person.Presses("Подтвердить"), "Главное меню", expected: 1);
        Assert.StartsWith("Ваша заявка № 1001 принята.", done.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mydata_takes_one_message()
    {
        var person = new TelegramPerson(Api, 61003, "kk");
        await StepAsync(person, () => person.Sends("/start"), "Өзіңіз туралы", expected: 1);
        await StepAsync(person, () => person.Presses("Басқа"), "Басты мәзір", expected: 1);

        var data = await StepAsync(person, () => person.Sends("/mydata"), "/forget", expected: 1);

        Assert.Contains(data.Buttons, b => b.Label == "Деректерімді өшіру");
    }

    [Fact]
    public async Task Feedback_takes_one_message_a_step()
    {
        var person = new TelegramPerson(Api, 61004, "ru", firstName: "Жанна");
        await LeadScript.RequestJobCoachAsync(person, place: "Балхаш");
        var consultants = new ConsultantChat(Api, BalkhashChat, 520, "Гаухар");
        await Eventually.TrueAsync(() => Database.Scalar(Bot.DatabasePath, "SELECT COUNT(*) FROM lead_cards WHERE lead_id = 1001") is 1L, "the card sent");

        await StepAsync(person, () => consultants.Presses("c:take:1001"), "начал работать с вашей заявкой", expected: 1);
        consultants.Presses("c:contacted:1001");
        await StepAsync(person, () => consultants.Presses("c:done:1001"), "Вы получили помощь", expected: 1);
        await StepAsync(person, () => person.Presses("4 — помогли"), "Хотите добавить пару слов", expected: 1);
        await StepAsync(person, () => person.Sends("Всё понятно объяснили"), "Главное меню", expected: 1);
    }

    /// <summary>Does what the person does, waits for the step's last message, and checks how many the step took.</summary>
    private static async Task<ApiCall> StepAsync(TelegramPerson person, Action act, string last, int expected)
    {
        var before = person.Received.Count;
        act();
        var message = await person.ReadsUntilAsync(last);
        var taken = person.Received.Skip(before).ToList();
        Assert.True(taken.Count == expected, $"expected {expected} message(s) before «{last}», got {taken.Count}: {string.Join(" | ", taken.Select(m => m.Text))}");
        Assert.Equal(message, taken[^1]);
        return message;
    }
}
