using System.Text.Json.Nodes;
using JumysBot.Tests.FakeBotApi;

namespace JumysBot.Tests.EndToEnd;

public sealed class LoggingTests
{
    [Fact]
    public async Task Nothing_personal_and_no_token_reaches_the_log_even_at_trace_level()
    {
        await using var api = await FakeBotApiServer.StartAsync();
        var logs = new CapturedLogs();
        await using (var bot = await BotUnderTest.StartAsync(api, logs: logs))
        {
            var person = new TelegramPerson(api, 7001, "ru", firstName: "Гульнара");
            person.Sends("/start");
            await person.ReadsUntilAsync("Расскажите, кто вы");
            person.Sends("Меня зовут Гульнара Сейткали, телефон 87011234567");
            person.Send(new JsonObject { ["contact"] = new JsonObject { ["phone_number"] = "+77017654321", ["first_name"] = "Гульнара", ["user_id"] = 7001 } });
            Assert.Contains("Расскажите, кто вы", (await person.ReadsUntilAsync("Сейчас я жду ответ на этот вопрос")).Text);

            // A whole request, with a comment and a voice message id, at the most talkative log level.
            var applicant = new TelegramPerson(api, 7002, "ru", firstName: "Гульнара");
            await LeadScript.RequestJobCoachAsync(applicant, place: "Балхаш", comment: "Гульнара просит перезвонить 87017654321");
        }

        Assert.NotEmpty(logs.Lines);
        var log = string.Join('\n', logs.Lines);
        Assert.DoesNotContain(FakeBotApiServer.Token, log, StringComparison.Ordinal);
        Assert.DoesNotContain("Гульнара", log, StringComparison.Ordinal);
        Assert.DoesNotContain("87011234567", log, StringComparison.Ordinal);
        Assert.DoesNotContain("7654321", log, StringComparison.Ordinal);
        Assert.DoesNotContain("Меня зовут", log, StringComparison.Ordinal);
        Assert.DoesNotContain("7021234567", log, StringComparison.Ordinal);
        Assert.DoesNotContain("Жанна", log, StringComparison.Ordinal);
        Assert.DoesNotContain("перезвонить", log, StringComparison.Ordinal);
    }
}
