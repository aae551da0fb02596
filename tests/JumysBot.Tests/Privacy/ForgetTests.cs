using System.Text;
using JumysBot.Tests.FakeBotApi;

namespace JumysBot.Tests.Privacy;

/// <summary>/mydata shows everything kept; /forget erases it, down to the bytes of the database files.</summary>
public sealed class ForgetTests : BotTestBase
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Consultants:0:ChatId"] = "-100900",
        ["Consultants:0:PointId"] = "career-balkhash",
    };

    [Fact]
    public async Task Mydata_shows_the_profile_and_the_requests_in_the_persons_language()
    {
        var person = new TelegramPerson(Api, 16001, "ru", firstName: "Жанна");
        await LeadScript.RequestJobCoachAsync(person, place: "Балхаш", comment: "Лучше после обеда");

        person.Sends("/mydata");

        var data = await person.ReadsUntilAsync("Что я о вас храню");
        Assert.Contains("Кто вы: Я человек с инвалидностью.", data.Text);
        Assert.Contains("Группа инвалидности: Первая группа.", data.Text);
        Assert.Contains("Заявка № 1001: новая. Пункт: Карьерный центр Балхаша.", data.Text);
        Assert.Contains("Телефон: +77021234567.", data.Text);
        Assert.Contains("Комментарий: Лучше после обеда.", data.Text);
        Assert.Contains("Согласие на обработку данных вы дали", data.Text);
        Assert.Contains(data.Buttons, b => b.Label == "Удалить мои данные");
    }

    [Fact]
    public async Task Forget_erases_the_person_edits_the_card_and_leaves_no_trace_in_the_database_files()
    {
        var person = new TelegramPerson(Api, 16002, "ru", firstName: "Жанна");
        await LeadScript.RequestJobCoachAsync(person, place: "Балхаш", comment: "Звоните Сейтқали после обеда");
        var consultants = new ConsultantChat(Api, -100900, 900, "Гаухар");
        await consultants.ReceivesAsync(c => c.Text?.Contains("Телефон: +77021234567", StringComparison.Ordinal) == true, "the card");
        await Eventually.TrueAsync(() => Database.Scalar(Bot.DatabasePath, "SELECT COUNT(*) FROM lead_cards") is 1L);

        person.Sends("/forget");
        await person.ReadsUntilAsync("Удалить все ваши данные?");
        person.Presses("Да, удалить");

        await person.ReadsUntilAsync("Ваши данные удалены");
        var edit = await consultants.ReceivesAsync(c => c.Method == "editMessageText", "the card without personal data");
        Assert.Contains("Данные человека удалены", edit.Text);
        Assert.DoesNotContain("+7702", edit.Text, StringComparison.Ordinal);
        Assert.Equal(0L, Scalar("SELECT COUNT(*) FROM people WHERE id = 16002"));
        Assert.Equal(0L, Scalar("SELECT COUNT(*) FROM conversations WHERE chat_id = 16002"));
        Assert.Equal("Cancelled|0|balkhash", Scalar("SELECT status || '|' || person_id || '|' || place_id FROM leads"));
        await Eventually.TrueAsync(() => Scalar("SELECT COUNT(*) FROM outbox WHERE payload <> ''") is 0L);

        await Bot.App.StopAsync();
        foreach (var file in new[] { Bot.DatabasePath, Bot.DatabasePath + "-wal", Bot.DatabasePath + "-shm" }.Where(File.Exists))
        {
            var bytes = await ReadSharedAsync(file);
            foreach (var secret in new[] { "7021234567", "Жанна", "Сейтқали", "после обеда" })
            {
                Assert.True(IndexOf(bytes, Encoding.UTF8.GetBytes(secret)) < 0, $"'{secret}' survives in {Path.GetFileName(file)}");
            }
        }
    }

    [Fact]
    public async Task Forget_reaches_every_copy_of_the_card_and_deletes_the_forwarded_voice_message()
    {
        var person = new TelegramPerson(Api, 16003, "ru", firstName: "Жанна");
        await LeadScript.RequestJobCoachAsync(person, place: "Балхаш", voiceFileId: "AwACAgIAAx-voice-16003");
        var consultants = new ConsultantChat(Api, -100900, 900, "Гаухар");
        await consultants.ReceivesAsync(c => c.Method == "sendVoice", "the voice message");
        consultants.Sends("/leads");
        await Eventually.TrueAsync(() => Scalar("SELECT COUNT(*) FROM sent_copies WHERE kind = 'card'") is 2L, "two copies of the card");
        var voiceMessageId = Assert.IsType<long>(Scalar("SELECT message_id FROM sent_copies WHERE kind = 'voice'"));

        person.Sends("/forget");
        await person.ReadsUntilAsync("Удалить все ваши данные?");
        person.Presses("Да, удалить");
        await person.ReadsUntilAsync("Ваши данные удалены");

        await Eventually.TrueAsync(() => consultants.Edits.Select(e => e.Body["message_id"]!.GetValue<int>()).Distinct().Count() == 2, "both copies edited");
        Assert.All(consultants.Edits, e => Assert.Contains("Данные человека удалены", e.Text));
        var deleted = await Api.WaitForCallAsync(c => c.Method == "deleteMessage" && c.ChatId == -100900, "the voice message deleted");
        Assert.Equal(voiceMessageId, deleted.Body["message_id"]!.GetValue<long>());
    }

    [Fact]
    public async Task A_card_on_its_way_while_the_erasure_commits_is_deleted_once_it_arrives()
    {
        var person = new TelegramPerson(Api, 16005, "ru", firstName: "Жанна");
        var cardInFlight = Api.HoldNextAnswerFor("sendMessage", -100900);
        await LeadScript.RequestJobCoachAsync(person, place: "Балхаш");
        await Api.WaitForCallAsync(c => c.Method == "sendMessage" && c.ChatId == -100900, "the card, sent and not yet answered");

        // Every send waits behind the card's answer now, so the person's taps are read from the database, not the chat.
        person.Sends("/forget");
        await Eventually.TrueAsync(() => Scalar("SELECT step FROM conversations WHERE chat_id = 16005") is "forget.confirm");
        person.PressesData("f:yes");
        await Eventually.TrueAsync(() => Scalar("SELECT COUNT(*) FROM people WHERE id = 16005") is 0L);
        Assert.Equal(0L, Scalar("SELECT COUNT(*) FROM sent_copies"));

        cardInFlight.SetResult();

        var deletion = await Api.WaitForCallAsync(c => c.Method == "deleteMessage" && c.ChatId == -100900, "the late card deleted");
        Assert.Equal(Scalar("SELECT message_id FROM sent_copies WHERE lead_id = 1001 AND chat_id = -100900"), deletion.Body["message_id"]!.GetValue<long>());
        await person.ReadsUntilAsync("Ваши данные удалены");
    }

    [Fact]
    public async Task A_changed_consent_text_asks_again_before_the_next_request()
    {
        var person = new TelegramPerson(Api, 16003, "ru", firstName: "Жанна");
        await LeadScript.RequestJobCoachAsync(person, place: "Балхаш");
        await Bot.App.StopAsync();

        await using var second = await BotUnderTest.StartAsync(Api, Bot.DatabasePath, settings: new Dictionary<string, string?> { ["Leads:ConsentVersion"] = "2" });
        person.Sends("/menu");
        await person.ReadsUntilAsync("Главное меню");
        person.Presses("Грант на своё дело");
        await person.ReadsUntilAsync("Bastau Business");
        person.Presses("Хочу участвовать");
        await person.ReadsUntilAsync("Вы уже прошли курс");
        person.Presses("Нет, хочу пройти курс");

        await person.ReadsUntilAsync("согласие на обработку персональных данных");
        person.Presses("Согласен(на)");
        await person.ReadsUntilAsync("Как к вам обращаться?");
        Assert.Equal(2L, Database.Scalar(Bot.DatabasePath, "SELECT consent_version FROM people WHERE id = 16003"));
    }

    [Fact]
    public async Task An_erased_request_keeps_its_number_and_the_consent_record_and_besides_only_anonymous_counts()
    {
        var person = new TelegramPerson(Api, 16004, "ru", firstName: "Жанна");
        await LeadScript.RequestJobCoachAsync(person, place: "Балхаш", comment: "После обеда");
        var consentAt = (long)Scalar("SELECT consent_at FROM people WHERE id = 16004")!;

        person.Sends("/forget");
        await person.ReadsUntilAsync("Удалить все ваши данные?");
        person.Presses("Да, удалить");
        await person.ReadsUntilAsync("Ваши данные удалены");

        Assert.Equal($"1001|1|{consentAt}", Scalar("SELECT id || '|' || consent_version || '|' || consent_at FROM leads"));
        // Every column still holding something: the consent record, and what the statistics count (no name, phone,
        // comment, group, place of a pin, time to call, person).
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Bot.DatabasePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT * FROM leads";
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read());
        var kept = Enumerable.Range(0, reader.FieldCount)
            .Where(i => !reader.IsDBNull(i) && !(reader.GetName(i) == "person_id" && reader.GetInt64(i) == 0))
            .Select(reader.GetName)
            .Order(StringComparer.Ordinal);
        Assert.Equal(
            ["consent_at", "consent_version", "contact_method", "created_at", "id", "kind", "language", "measure_id", "place_id", "point_id", "status", "taken_by", "topic", "updated_at"],
            kept);
    }

    private object? Scalar(string sql) => Database.Scalar(Bot.DatabasePath, sql);

    private static async Task<byte[]> ReadSharedAsync(string path)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }

    private static int IndexOf(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle);
}
