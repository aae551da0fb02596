using JumysBot.Tests.FakeBotApi;

namespace JumysBot.Tests.EndToEnd;

/// <summary>«Find a consultation point» works without registering anything.</summary>
public sealed class PointFinderTests : BotTestBase
{
    [Fact]
    public async Task A_shared_location_shows_the_nearest_point_with_its_distance_to_the_town_centre_and_no_pin()
    {
        var person = await AtMenuAsync(15001);

        person.Presses("Найти пункт консультации");
        var question = await person.ReadsUntilAsync("Где вы?");
        Assert.Contains(question.KeyboardButtons, b => b.RequestsLocation);
        person.SharesLocation(49.81, 73.10);

        var point = await person.ReadsUntilAsync("JumysTap в Караганде");
        // The shipped coordinates are the town's centre: said as such, and no pin a person might travel by.
        Assert.Contains("До центра города: около 1 км.", point.Text);
        Assert.Contains("пока не добавлены", point.Text);
        await person.ReadsUntilAsync("Главное меню");
        Assert.DoesNotContain(Api.CallsOf("sendVenue"), c => c.ChatId == person.Id);
        Assert.Equal(0L, Database.Scalar(Bot.DatabasePath, "SELECT COUNT(*) FROM leads"));
    }

    [Fact]
    public async Task A_chosen_or_typed_district_shows_the_points_that_serve_it()
    {
        var person = await AtMenuAsync(15002);
        person.Presses("Найти пункт консультации");
        await person.ReadsUntilAsync("Где вы?");

        person.Sends("Шетский район");
        await person.ReadsUntilAsync("Карьерный центр Шетского района");

        person.Presses("Найти пункт консультации");
        await person.ReadsUntilAsync("Где вы?");
        person.Sends("Выбрать из списка");
        await person.ReadsUntilAsync("Выберите город или район");
        person.Presses("Темиртау");
        await person.ReadsUntilAsync("JumysTap в Темиртау");
        await person.ReadsUntilAsync("Карьерный центр Темиртау");
    }

    private async Task<TelegramPerson> AtMenuAsync(long id)
    {
        var person = new TelegramPerson(Api, id, "ru");
        person.Sends("/start");
        await person.ReadsUntilAsync("Расскажите, кто вы");
        person.Presses("Другое");
        await person.ReadsUntilAsync("Главное меню");
        return person;
    }
}
