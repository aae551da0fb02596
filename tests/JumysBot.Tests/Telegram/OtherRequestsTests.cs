using System.Text;
using JumysBot.Telegram;
using JumysBot.Telegram.Types;

namespace JumysBot.Tests.Telegram;

public class OtherRequestsTests
{
    private const string SentMessage = """{"message_id":8,"date":1700000000,"chat":{"id":42,"type":"private","first_name":"Айгүл"}}""";

    [Fact]
    public async Task Send_document_uploads_the_file_bytes_as_multipart_form_data()
    {
        await using var server = await LoopbackApiServer.StartAsync();
        server.ReplyOk("""{"message_id":8,"date":1,"chat":{"id":42,"type":"private"},"document":{"file_id":"BQAC","file_name":"leads.csv"}}""");
        var bytes = Encoding.UTF8.GetBytes("id;name\n1;Айгүл\n");

        var message = await server.CreateClient().SendDocument(
            -1001234567890123,
            new InputFileStream(new MemoryStream(bytes), "leads.csv"),
            "Заявки за май");

        var request = server.LastRequest;
        Assert.Equal($"/bot{LoopbackApiServer.Token}/sendDocument", request.Path);
        Assert.StartsWith("multipart/form-data", request.ContentType, StringComparison.Ordinal);
        Assert.Equal("-1001234567890123", request.FormFields["chat_id"]);
        Assert.Equal("Заявки за май", request.FormFields["caption"]);
        var file = request.FormFiles["document"];
        Assert.Equal("leads.csv", file.FileName);
        Assert.Equal(bytes, file.Content);
        Assert.Equal("leads.csv", message.Document?.FileName);
    }

    [Fact]
    public async Task Answer_callback_query_sends_the_id_and_text()
    {
        await using var server = await LoopbackApiServer.StartAsync();

        Assert.True(await server.CreateClient().AnswerCallbackQuery("4382bfdwdsb323b2d9", "Принято"));

        var json = server.LastRequest.Json;
        Assert.Equal("4382bfdwdsb323b2d9", json.GetProperty("callback_query_id").GetString());
        Assert.Equal("Принято", json.GetProperty("text").GetString());
        Assert.False(json.GetProperty("show_alert").GetBoolean());
    }

    [Fact]
    public async Task Set_my_commands_sends_the_scope_and_language()
    {
        await using var server = await LoopbackApiServer.StartAsync();

        await server.CreateClient().SetMyCommands(
            [new BotCommand { Command = "start", Description = "Бастау" }],
            BotCommandScope.AllPrivateChats(),
            "kk");

        var json = server.LastRequest.Json;
        Assert.Equal($"/bot{LoopbackApiServer.Token}/setMyCommands", server.LastRequest.Path);
        Assert.Equal("start", json.GetProperty("commands")[0].GetProperty("command").GetString());
        Assert.Equal("Бастау", json.GetProperty("commands")[0].GetProperty("description").GetString());
        Assert.Equal("all_private_chats", json.GetProperty("scope").GetProperty("type").GetString());
        Assert.False(json.GetProperty("scope").TryGetProperty("chat_id", out _));
        Assert.Equal("kk", json.GetProperty("language_code").GetString());
    }

    [Fact]
    public async Task A_chat_scope_carries_its_chat_id()
    {
        await using var server = await LoopbackApiServer.StartAsync();

        await server.CreateClient().SetMyCommands(
            [new BotCommand { Command = "leads", Description = "Открытые заявки" }],
            BotCommandScope.Chat(-1001234567890123));

        var scope = server.LastRequest.Json.GetProperty("scope");
        Assert.Equal("chat", scope.GetProperty("type").GetString());
        Assert.Equal(-1001234567890123, scope.GetProperty("chat_id").GetInt64());
        Assert.False(server.LastRequest.Json.TryGetProperty("language_code", out _));
    }

    [Fact]
    public async Task Send_venue_sends_the_point_on_the_map()
    {
        await using var server = await LoopbackApiServer.StartAsync();
        server.ReplyOk(SentMessage);

        await server.CreateClient().SendVenue(42, 49.8047, 73.1094, "JumysTap", "Караганда");

        var json = server.LastRequest.Json;
        Assert.Equal(49.8047, json.GetProperty("latitude").GetDouble());
        Assert.Equal(73.1094, json.GetProperty("longitude").GetDouble());
        Assert.Equal("JumysTap", json.GetProperty("title").GetString());
        Assert.Equal("Караганда", json.GetProperty("address").GetString());
    }

    [Fact]
    public async Task Edit_message_text_sends_the_message_id_and_an_inline_keyboard()
    {
        await using var server = await LoopbackApiServer.StartAsync();
        server.ReplyOk(SentMessage);

        await server.CreateClient().EditMessageText(
            42,
            8,
            "Статус: в работе",
            replyMarkup: new InlineKeyboardMarkup { InlineKeyboard = [[InlineKeyboardButton.WithCallbackData("Закрыть", "l:9:done")]] });

        var request = server.LastRequest;
        Assert.Equal($"/bot{LoopbackApiServer.Token}/editMessageText", request.Path);
        Assert.Equal(8, request.Json.GetProperty("message_id").GetInt32());
        Assert.Equal("l:9:done", request.Json.GetProperty("reply_markup").GetProperty("inline_keyboard")[0][0].GetProperty("callback_data").GetString());
        Assert.True(request.Json.GetProperty("link_preview_options").GetProperty("is_disabled").GetBoolean());
    }

    [Fact]
    public async Task Edit_message_reply_markup_without_a_keyboard_removes_it()
    {
        await using var server = await LoopbackApiServer.StartAsync();
        server.ReplyOk(SentMessage);

        await server.CreateClient().EditMessageReplyMarkup(42, 8);

        Assert.Equal(["chat_id", "message_id"], server.LastRequest.Json.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task Webhook_requests_send_their_settings()
    {
        await using var server = await LoopbackApiServer.StartAsync();
        var client = server.CreateClient();

        await client.SetWebhook("https://bot.example.kz/telegram", "s3cret", [UpdateType.Message, UpdateType.CallbackQuery]);
        var set = server.LastRequest.Json;
        await client.DeleteWebhook(dropPendingUpdates: true);
        var delete = server.LastRequest.Json;

        Assert.Equal("https://bot.example.kz/telegram", set.GetProperty("url").GetString());
        Assert.Equal("s3cret", set.GetProperty("secret_token").GetString());
        Assert.Equal(["message", "callback_query"], set.GetProperty("allowed_updates").EnumerateArray().Select(e => e.GetString()));
        Assert.True(delete.GetProperty("drop_pending_updates").GetBoolean());
    }
}
