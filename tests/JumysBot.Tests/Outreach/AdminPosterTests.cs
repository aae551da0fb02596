using System.Globalization;
using JumysBot.Telegram;
using JumysBot.Tests.FakeBotApi;
using Microsoft.Extensions.DependencyInjection;

namespace JumysBot.Tests.Outreach;

/// <summary><c>/poster</c> through the fake Bot API: administrators get a point's QR code and print poster, nobody else does.</summary>
public sealed class AdminPosterTests : BotTestBase
{
    private const long AdminId = 777;
    private const long TemirtauChat = -100500;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Bot:AdminIds:0"] = AdminId.ToString(CultureInfo.InvariantCulture),
        ["Consultants:0:ChatId"] = TemirtauChat.ToString(CultureInfo.InvariantCulture),
        ["Consultants:0:PointId"] = "jumystap-temirtau",
    };

    [Fact]
    public async Task An_administrator_gets_the_points_qr_code_as_a_png_that_scans_as_its_start_link_and_the_print_poster()
    {
        // No Telegram:BotUsername here: the bot asked Telegram (getMe) at start.
        await Eventually.TrueAsync(() => Bot.Services.GetRequiredService<BotIdentity>().Username == "jumys_test_bot", "the username from getMe");
        var admin = new ConsultantChat(Api, AdminId, AdminId, "Админ");

        admin.Sends("/poster jumystap-temirtau");

        var png = await admin.ReceivesAsync(c => c.Method == "sendDocument" && c.Body["document_filename"]?.GetValue<string>() == "poster-jumystap-temirtau.png", "the QR code");
        var caption = png.Body["caption"]!.GetValue<string>();
        Assert.Contains("https://t.me/jumys_test_bot?start=p-jumystap-temirtau", caption);
        Assert.Contains("Пункт консультации JumysTap в Темиртау", caption);
        Assert.Contains("Теміртаудағы JumysTap кеңес беру пункті", caption);
        var bytes = Convert.FromBase64String(png.Body["document_base64"]!.GetValue<string>());
        Assert.Equal("https://t.me/jumys_test_bot?start=p-jumystap-temirtau", await Zbar.DecodeAsync(bytes));
        var svg = await admin.ReceivesAsync(c => c.Method == "sendDocument" && c.Body["document_filename"]?.GetValue<string>() == "poster-jumystap-temirtau.svg", "the print poster");
        Assert.Contains("Теміртаудағы JumysTap кеңес беру пункті", svg.Body["document_content"]!.GetValue<string>());
    }

    [Fact]
    public async Task Without_a_point_an_administrator_gets_the_ids_and_an_unknown_id_is_named_with_the_list()
    {
        var admin = new ConsultantChat(Api, AdminId, AdminId, "Админ");

        admin.Sends("/poster");
        var list = await admin.ReceivesAsync(c => c.Text?.Contains("Коды пунктов", StringComparison.Ordinal) == true, "the list of points");
        admin.Sends("/poster jumystap-astana");
        var unknown = await admin.ReceivesAsync(c => c.Text?.Contains("jumystap-astana", StringComparison.Ordinal) == true, "the unknown point");

        Assert.Contains("/poster jumystap-karaganda", list.Text);
        Assert.Contains("career-shet — Карьерный центр Шетского района", list.Text);
        Assert.Contains("Пункта с кодом «jumystap-astana» нет.", unknown.Text);
        Assert.Contains("jumystap-temirtau — Пункт консультации JumysTap в Темиртау", unknown.Text);
        Assert.DoesNotContain(admin.Received, c => c.Method == "sendDocument");
    }

    [Fact]
    public async Task A_person_or_a_consultants_chat_that_is_not_an_administrator_gets_no_poster()
    {
        var person = new TelegramPerson(Api, 13100, "ru");
        var consultants = new ConsultantChat(Api, TemirtauChat, 501, "Ерлан");

        person.Sends("/poster jumystap-temirtau");
        consultants.Sends("/poster jumystap-temirtau");
        consultants.Sends("/leads");

        var answer = await person.ReadsAsync();
        // The group's chat answers in order: the /leads reply comes after anything /poster would have sent.
        await consultants.ReceivesAsync(c => c.Text?.Contains("Открытых заявок нет", StringComparison.Ordinal) == true, "the /leads reply");
        Assert.DoesNotContain("t.me/", answer.Text, StringComparison.Ordinal);
        Assert.Empty(Api.CallsOf("sendDocument"));
        Assert.DoesNotContain(Api.Calls, c => c.Text?.Contains("?start=p-", StringComparison.Ordinal) == true);
    }
}
