using System.Text.Json;
using JumysBot.Telegram;
using JumysBot.Telegram.Types;

namespace JumysBot.Tests.Telegram;

public class SendMessageTests
{
    private const long SupergroupId = -1001234567890123;
    private const string SentMessage = """
        {"message_id":7,"date":1700000000,"chat":{"id":-1001234567890123,"type":"supergroup","title":"Consultants"},"text":"Сәлем"}
        """;

    [Fact]
    public async Task Posts_snake_case_json_with_a_64_bit_chat_id_and_returns_the_sent_message()
    {
        await using var server = await LoopbackApiServer.StartAsync();
        server.ReplyOk(SentMessage);

        var message = await server.CreateClient().SendMessage(SupergroupId, "Сәлем", ParseMode.Html);

        var request = server.LastRequest;
        Assert.Equal("POST", request.Method);
        Assert.Equal($"/bot{LoopbackApiServer.Token}/sendMessage", request.Path);
        Assert.StartsWith("application/json", request.ContentType, StringComparison.Ordinal);
        Assert.Equal(SupergroupId, request.Json.GetProperty("chat_id").GetInt64());
        Assert.Equal("Сәлем", request.Json.GetProperty("text").GetString());
        Assert.Equal("HTML", request.Json.GetProperty("parse_mode").GetString());
        Assert.Equal(7, message.Id);
        Assert.Equal(SupergroupId, message.Chat.Id);
        Assert.Equal(ChatType.Supergroup, message.Chat.Type);
    }

    [Fact]
    public async Task Leaves_out_null_fields_and_turns_link_previews_off_by_default()
    {
        await using var server = await LoopbackApiServer.StartAsync();
        server.ReplyOk(SentMessage);

        await server.CreateClient().SendMessage(42, "https://enbek.kz");

        var json = server.LastRequest.Json;
        Assert.Equal(["chat_id", "text", "link_preview_options"], json.EnumerateObject().Select(p => p.Name));
        Assert.True(json.GetProperty("link_preview_options").GetProperty("is_disabled").GetBoolean());
    }

    [Fact]
    public async Task Keeps_link_preview_options_the_caller_gives()
    {
        await using var server = await LoopbackApiServer.StartAsync();
        server.ReplyOk(SentMessage);

        await server.CreateClient().SendMessage(42, "https://enbek.kz", linkPreviewOptions: new LinkPreviewOptions { IsDisabled = false });

        Assert.False(server.LastRequest.Json.GetProperty("link_preview_options").GetProperty("is_disabled").GetBoolean());
    }

    [Fact]
    public async Task Serializes_an_inline_keyboard_as_rows_of_buttons()
    {
        await using var server = await LoopbackApiServer.StartAsync();
        server.ReplyOk(SentMessage);
        var keyboard = new InlineKeyboardMarkup
        {
            InlineKeyboard =
            [
                [InlineKeyboardButton.WithCallbackData("Иә", "c:yes"), InlineKeyboardButton.WithCallbackData("Жоқ", "c:no")],
                [InlineKeyboardButton.WithUrl("enbek.kz", "https://www.enbek.kz")],
            ],
        };

        await server.CreateClient().SendMessage(42, "Келісесіз бе?", replyMarkup: keyboard);

        AssertJson(
            """
            {"inline_keyboard":[
              [{"text":"Иә","callback_data":"c:yes"},{"text":"Жоқ","callback_data":"c:no"}],
              [{"text":"enbek.kz","url":"https://www.enbek.kz"}]]}
            """,
            server.LastRequest.Json.GetProperty("reply_markup"));
    }

    [Fact]
    public async Task Serializes_a_reply_keyboard_that_asks_for_the_contact()
    {
        await using var server = await LoopbackApiServer.StartAsync();
        server.ReplyOk(SentMessage);
        var keyboard = new ReplyKeyboardMarkup
        {
            Keyboard = [[KeyboardButton.WithRequestContact("Отправить номер")], [new KeyboardButton { Text = "Отмена" }]],
            ResizeKeyboard = true,
            OneTimeKeyboard = true,
            InputFieldPlaceholder = "+7 7XX XXX XX XX",
        };

        await server.CreateClient().SendMessage(42, "Ваш номер телефона?", replyMarkup: keyboard);

        AssertJson(
            """
            {"keyboard":[[{"text":"Отправить номер","request_contact":true}],[{"text":"Отмена"}]],
             "resize_keyboard":true,"one_time_keyboard":true,"input_field_placeholder":"+7 7XX XXX XX XX"}
            """,
            server.LastRequest.Json.GetProperty("reply_markup"));
    }

    [Fact]
    public async Task Serializes_reply_keyboard_remove()
    {
        await using var server = await LoopbackApiServer.StartAsync();
        server.ReplyOk(SentMessage);

        await server.CreateClient().SendMessage(42, "Рахмет!", replyMarkup: new ReplyKeyboardRemove());

        AssertJson("""{"remove_keyboard":true}""", server.LastRequest.Json.GetProperty("reply_markup"));
    }

    private static void AssertJson(string expected, JsonElement actual) =>
        Assert.True(
            JsonElement.DeepEquals(JsonDocument.Parse(expected).RootElement, actual),
            $"Expected {expected}{Environment.NewLine}Actual   {actual}");
}
