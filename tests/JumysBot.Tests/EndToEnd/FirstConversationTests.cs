using System.Text.Json.Nodes;
using JumysBot.Tests.FakeBotApi;

namespace JumysBot.Tests.EndToEnd;

/// <summary>What a person sees over real HTTP: the bot host polls the fake Bot API and answers through it.</summary>
public sealed class FirstConversationTests : BotTestBase
{
    [Fact]
    public async Task A_kazakh_speaker_is_greeted_in_kazakh_and_asked_who_they_are()
    {
        var person = new TelegramPerson(Api, 5001, "kk");

        person.Sends("/start");

        // The greeting and the question are one message: one thing to listen to.
        var question = await person.ReadsAsync();
        Assert.Contains("Сәлеметсіз бе", question.Text);
        Assert.Contains("Өзіңіз туралы айтыңыз.", question.Text);
        Assert.Contains(question.Buttons, b => b.Label == "Мен мүгедектігі бар адаммын");
    }

    [Fact]
    public async Task A_russian_speaker_is_greeted_in_russian()
    {
        var person = new TelegramPerson(Api, 5002, "ru-RU");

        person.Sends("/start");

        var question = await person.ReadsAsync();
        Assert.Contains("Здравствуйте", question.Text);
        Assert.Contains("Расскажите, кто вы", question.Text);
        Assert.Equal(["r:pwd", "r:carer", "r:other", "r:none"], question.Buttons.Select(b => b.Data));
    }

    [Fact]
    public async Task Someone_with_another_telegram_language_is_asked_to_choose_and_gets_that_language()
    {
        var person = new TelegramPerson(Api, 5003, "en");

        person.Sends("/start");
        var question = await person.ReadsAsync();
        Assert.Contains("Тілді таңдаңыз", question.Text);
        Assert.Contains("Выберите язык", question.Text);

        person.Presses("Қазақша");
        Assert.Contains("Сәлеметсіз бе", (await person.ReadsAsync()).Text);
    }

    [Fact]
    public async Task A_button_press_is_answered_with_answerCallbackQuery_and_moves_on()
    {
        var person = new TelegramPerson(Api, 5004, "ru");
        person.Sends("/start");
        await person.ReadsUntilAsync("Расскажите, кто вы");

        person.Presses("Ухаживаю за близким");

        var answer = await Api.WaitForCallAsync(c => c.Method == "answerCallbackQuery", "answerCallbackQuery");
        Assert.StartsWith($"cb-{person.Id}-", answer.Body["callback_query_id"]!.GetValue<string>());
        var menu = await person.ReadsAsync();
        Assert.StartsWith("Спасибо.", menu.Text, StringComparison.Ordinal);
        Assert.Contains("Главное меню", menu.Text);
        Assert.Equal(9, menu.Buttons.Count);
        Assert.All(menu.Buttons, b => Assert.InRange(System.Text.Encoding.UTF8.GetByteCount(b.Data), 1, 64));
    }

    [Fact]
    public async Task Typing_the_number_or_the_words_of_a_button_works_like_pressing_it()
    {
        var person = new TelegramPerson(Api, 5005, "ru");
        person.Sends("/start");
        await person.ReadsUntilAsync("Расскажите, кто вы");

        person.Sends("4");
        await person.ReadsUntilAsync("Главное меню");

        person.Sends("мои данные");
        var data = await person.ReadsAsync();
        Assert.Contains("Кто вы: Не хочу указывать", data.Text);
    }

    [Fact]
    public async Task A_redelivered_update_is_answered_once()
    {
        var person = new TelegramPerson(Api, 5006, "ru");
        var updateId = person.Sends("/help");
        await person.ReadsUntilAsync("Команды:");

        // Telegram sends the same update again, as after a lost confirmation; then a fresh one.
        Api.Enqueue(new JsonObject
        {
            ["update_id"] = updateId,
            ["message"] = new JsonObject
            {
                ["message_id"] = 1,
                ["date"] = 0,
                ["chat"] = new JsonObject { ["id"] = person.Id, ["type"] = "private" },
                ["from"] = new JsonObject { ["id"] = person.Id, ["isBot"] = false, ["first_name"] = "A", ["language_code"] = "ru" },
                ["text"] = "/help",
            },
        });
        person.Sends("/language");

        await person.ReadsUntilAsync("Выберите язык");
        Assert.Single(person.Received, m => m.Text!.Contains("Команды:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Stickers_long_texts_and_forged_buttons_get_a_kind_answer()
    {
        var person = new TelegramPerson(Api, 5007, "ru");
        person.Sends("/start");
        await person.ReadsUntilAsync("Расскажите, кто вы");

        person.Send(new JsonObject { ["sticker"] = new JsonObject { ["file_id"] = "s1", ["file_unique_id"] = "u1", ["width"] = 512, ["height"] = 512, ["is_animated"] = false, ["is_video"] = false, ["type"] = "regular" } });
        Assert.Contains("Я понимаю только текст и кнопки", (await person.ReadsUntilAsync("Я понимаю")).Text);

        person.Sends(new string('а', 10_000));
        await person.ReadsUntilAsync("Я не понял ответ");

        person.PressesData("m:does-not-exist");
        var again = await person.ReadsUntilAsync("из старого сообщения");
        Assert.Contains("Расскажите, кто вы", again.Text);
    }

    [Fact]
    public async Task Updates_of_other_kinds_are_ignored_and_polling_goes_on()
    {
        var person = new TelegramPerson(Api, 5008, "kk");
        Api.Enqueue(new JsonObject { ["message_reaction"] = new JsonObject { ["chat"] = new JsonObject { ["id"] = person.Id, ["type"] = "private" } } });
        Api.Enqueue(new JsonObject { ["poll"] = new JsonObject { ["id"] = "p" } });

        person.Sends("/start");

        Assert.Contains("Сәлеметсіз бе", (await person.ReadsAsync()).Text);
    }
}
