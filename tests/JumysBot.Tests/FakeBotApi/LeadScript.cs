namespace JumysBot.Tests.FakeBotApi;

/// <summary>Whole request flows a virtual person walks through, for tests about what happens after.</summary>
internal static class LeadScript
{
    /// <summary>A Russian-speaking person with a disability asks for JOB COACH support, choosing a place from the list.</summary>
    /// <param name="location">Shared as a pin instead of choosing <paramref name="place"/>.</param>
    public static async Task RequestJobCoachAsync(TelegramPerson person, string place, string? comment = null, string? voiceFileId = null,
        (double Latitude, double Longitude)? location = null)
    {
        await UpToTheNameAsync(person);
        person.Sends("Жанна");
        await AfterTheNameAsync(person, place, comment, voiceFileId, location);
    }

    /// <summary>The start of <see cref="RequestJobCoachAsync"/>: from /start to the question of the name, consent given.</summary>
    public static async Task UpToTheNameAsync(TelegramPerson person)
    {
        ArgumentNullException.ThrowIfNull(person);
        person.Sends("/start");
        await person.ReadsUntilAsync("Расскажите, кто вы");
        person.Presses("Я человек с инвалидностью");
        await person.ReadsUntilAsync("Главное меню");
        person.Sends("наставник");
        await person.ReadsUntilAsync("по запросу");
        person.Presses("Job coach (наставник)");
        await person.ReadsUntilAsync("Что вы получите");
        person.Presses("Оставить заявку");
        await person.ReadsUntilAsync("Какая помощь наставника Job coach вам нужна?");
        person.Presses("Найти работу");
        await person.ReadsUntilAsync("согласие на обработку");
        person.Presses("Согласен(на)");
        await person.ReadsUntilAsync("Как к вам обращаться?");
    }

    /// <summary>The rest of <see cref="RequestJobCoachAsync"/> once the person has given a name, up to the number of the request.</summary>
    public static async Task AfterTheNameAsync(TelegramPerson person, string place, string? comment = null, string? voiceFileId = null,
        (double Latitude, double Longitude)? location = null)
    {
        ArgumentNullException.ThrowIfNull(person);
        await person.ReadsUntilAsync("Ваш номер телефона");
        person.Sends("87021234567");
        await person.ReadsUntilAsync("Как с вами связаться?");
        person.Presses("Только сообщения в Telegram");
        await person.ReadsUntilAsync("Где вы живёте?");
        if (location is { } pin)
        {
            person.SharesLocation(pin.Latitude, pin.Longitude);
        }
        else
        {
            person.Sends("Выбрать из списка");
            await person.ReadsUntilAsync("Выберите город или район");
            person.Presses(place);
        }

        await person.ReadsUntilAsync("Есть ли у вас группа");
        person.Presses("Первая группа");
        await person.ReadsUntilAsync("Хотите что-то добавить");
        if (voiceFileId is not null)
        {
            person.SendsVoice(voiceFileId);
        }
        else if (comment is null)
        {
            person.Presses("Пропустить");
        }
        else
        {
            person.Sends(comment);
        }

        await person.ReadsUntilAsync("Проверьте");
        person.Presses("Подтвердить");
        await person.ReadsUntilAsync("принята");
    }
}
