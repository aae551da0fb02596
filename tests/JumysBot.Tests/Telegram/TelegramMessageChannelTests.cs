using System.Text;
using JumysBot.Conversations;
using JumysBot.Telegram;
using JumysBot.Updates;
using Telegram.Bot;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace JumysBot.Tests.Telegram;

/// <summary>What the bot's messages look like on the wire, sent through Telegram.Bot's client.</summary>
public class TelegramMessageChannelTests
{
    private const long SupergroupId = -1001234567890123;
    private const string SentMessage = """
        {"message_id":7,"date":1700000000,"chat":{"id":-1001234567890123,"type":"supergroup","title":"Consultants"},"text":"Сәлем"}
        """;

    [Fact]
    public async Task A_text_goes_as_json_with_a_64_bit_chat_id_and_link_previews_off()
    {
        await using var server = await LoopbackApiServer.StartAsync();
        server.ReplyOk(SentMessage);

        var id = await Channel(server).SendAsync(new OutgoingMessage { ChatId = SupergroupId, Text = "<b>Сәлем</b> https://enbek.kz", Html = true }, default);

        var request = server.LastRequest;
        Assert.Equal($"/bot{LoopbackApiServer.Token}/sendMessage", request.Path);
        Assert.StartsWith("application/json", request.ContentType, StringComparison.Ordinal);
        Assert.Equal(SupergroupId, request.Json.GetProperty("chat_id").GetInt64());
        Assert.Equal("<b>Сәлем</b> https://enbek.kz", request.Json.GetProperty("text").GetString());
        // Telegram reads parse_mode without regard to case; Telegram.Bot writes the enum's name.
        Assert.Equal("html", request.Json.GetProperty("parse_mode").GetString(), ignoreCase: true);
        Assert.True(request.Json.GetProperty("link_preview_options").GetProperty("is_disabled").GetBoolean());
        Assert.False(request.Json.TryGetProperty("reply_markup", out _));
        Assert.Equal(7, id);
    }

    [Fact]
    public async Task Plain_text_carries_no_parse_mode()
    {
        await using var server = await LoopbackApiServer.StartAsync();
        server.ReplyOk(SentMessage);

        await Channel(server).SendAsync(new OutgoingMessage { ChatId = 42, Text = "a < b & c" }, default);

        Assert.False(server.LastRequest.Json.TryGetProperty("parse_mode", out _));
    }

    [Fact]
    public async Task Choices_become_an_inline_keyboard_of_rows_with_their_ids_as_callback_data()
    {
        await using var server = await LoopbackApiServer.StartAsync();
        server.ReplyOk(SentMessage);

        await Channel(server).SendAsync(new OutgoingMessage
        {
            ChatId = 42,
            Text = "Выберите",
            Buttons = [[new Choice("m:grant", "Грант"), new Choice("m:train", "Обучение")], [new Choice("x", "Skills Enbek") { Url = new Uri("https://skills.enbek.kz/") }]],
        }, default);

        var rows = server.LastRequest.Json.GetProperty("reply_markup").GetProperty("inline_keyboard");
        Assert.Equal(2, rows.GetArrayLength());
        Assert.Equal("m:grant", rows[0][0].GetProperty("callback_data").GetString());
        Assert.Equal("Обучение", rows[0][1].GetProperty("text").GetString());
        Assert.Equal("https://skills.enbek.kz/", rows[1][0].GetProperty("url").GetString());
        Assert.False(rows[1][0].TryGetProperty("callback_data", out _));
    }

    [Fact]
    public async Task A_choice_that_shares_the_number_makes_a_persistent_reply_keyboard()
    {
        await using var server = await LoopbackApiServer.StartAsync();
        server.ReplyOk(SentMessage);

        await Channel(server).SendAsync(new OutgoingMessage
        {
            ChatId = 42,
            Text = "Ваш номер?",
            Buttons = [[new Choice("share", "Отправить мой номер") { Request = ChoiceRequest.Contact }], [new Choice("back", "Назад")]],
        }, default);

        var markup = server.LastRequest.Json.GetProperty("reply_markup");
        Assert.True(markup.GetProperty("keyboard")[0][0].GetProperty("request_contact").GetBoolean());
        Assert.Equal("Назад", markup.GetProperty("keyboard")[1][0].GetProperty("text").GetString());
        Assert.True(markup.GetProperty("resize_keyboard").GetBoolean());
        Assert.True(markup.GetProperty("is_persistent").GetBoolean());
    }

    [Fact]
    public async Task Removing_the_keyboard_sends_reply_keyboard_remove()
    {
        await using var server = await LoopbackApiServer.StartAsync();
        server.ReplyOk(SentMessage);

        await Channel(server).SendAsync(new OutgoingMessage { ChatId = 42, Text = "Рахмет!", RemoveKeyboard = true }, default);

        Assert.True(server.LastRequest.Json.GetProperty("reply_markup").GetProperty("remove_keyboard").GetBoolean());
    }

    [Fact]
    public async Task A_long_text_goes_in_parts_and_a_place_follows_as_a_venue()
    {
        await using var server = await LoopbackApiServer.StartAsync();
        server.ReplyOk(SentMessage);
        var message = new OutgoingMessage
        {
            ChatId = 42,
            Text = string.Join("\n\n", Enumerable.Repeat(new string('ж', 3000), 2)),
            Buttons = [[new Choice("ok", "Хорошо")]],
            Venue = new JumysBot.Updates.Venue(49.80, 73.11, "JumysTap Караганда", "Караганда"),
        };

        await Channel(server).SendAsync(message, default);

        Assert.Equal(["sendMessage", "sendMessage", "sendVenue"], server.Requests.Select(r => r.Path.Split('/')[^1]));
        Assert.False(server.Requests[0].Json.TryGetProperty("reply_markup", out _));
        Assert.True(server.Requests[1].Json.TryGetProperty("reply_markup", out _));
        Assert.Equal(49.80, server.Requests[2].Json.GetProperty("latitude").GetDouble());
        Assert.Equal("JumysTap Караганда", server.Requests[2].Json.GetProperty("title").GetString());
        Assert.Equal(3, Channel(server).RequestsFor(message));
    }

    [Fact]
    public async Task An_edit_sends_the_message_id_and_the_new_inline_keyboard()
    {
        await using var server = await LoopbackApiServer.StartAsync();
        server.ReplyOk(SentMessage);

        await Channel(server).SendAsync(new OutgoingMessage { ChatId = SupergroupId, Text = "Заявка № 1001", EditMessageId = 7, Buttons = [[new Choice("t", "Взять")]] }, default);

        var json = server.LastRequest.Json;
        Assert.EndsWith("/editMessageText", server.LastRequest.Path, StringComparison.Ordinal);
        Assert.Equal(7, json.GetProperty("message_id").GetInt32());
        Assert.Equal("t", json.GetProperty("reply_markup").GetProperty("inline_keyboard")[0][0].GetProperty("callback_data").GetString());
    }

    [Fact]
    public async Task A_voice_message_is_sent_again_by_its_file_id_with_the_text_as_caption()
    {
        await using var server = await LoopbackApiServer.StartAsync();
        server.ReplyOk(SentMessage);

        await Channel(server).SendAsync(new OutgoingMessage { ChatId = SupergroupId, Text = "Голосовое к заявке № 1001", VoiceFileId = "AwACAgIAAxkB" }, default);

        Assert.EndsWith("/sendVoice", server.LastRequest.Path, StringComparison.Ordinal);
        Assert.Equal("AwACAgIAAxkB", server.LastRequest.Json.GetProperty("voice").GetString());
        Assert.Equal("Голосовое к заявке № 1001", server.LastRequest.Json.GetProperty("caption").GetString());
    }

    [Fact]
    public async Task A_document_uploads_its_bytes_as_multipart_form_data()
    {
        await using var server = await LoopbackApiServer.StartAsync();
        server.ReplyOk("""{"message_id":8,"date":1,"chat":{"id":42,"type":"private"},"document":{"file_id":"BQAC","file_unique_id":"u","file_name":"leads.csv"}}""");
        var csv = "id;name\n1;Айгүл\n";

        await Channel(server).SendAsync(new OutgoingMessage { ChatId = SupergroupId, Text = "Заявки за май", Document = new DocumentFile("leads.csv", csv) }, default);

        var request = server.LastRequest;
        Assert.EndsWith("/sendDocument", request.Path, StringComparison.Ordinal);
        Assert.StartsWith("multipart/form-data", request.ContentType, StringComparison.Ordinal);
        Assert.Equal("-1001234567890123", request.FormFields["chat_id"]);
        Assert.Equal("Заявки за май", request.FormFields["caption"]);
        Assert.Equal("leads.csv", request.FormFiles["document"].FileName);
        Assert.Equal(Encoding.UTF8.GetBytes(csv), request.FormFiles["document"].Content);
    }

    [Fact]
    public async Task Commands_are_set_per_language_and_scope_by_their_api_names()
    {
        await using var server = await LoopbackApiServer.StartAsync();

        await server.CreateClient().SetMyCommands([new BotCommand("leads", "Заявки")], BotCommandScope.Chat(SupergroupId), "kk");

        var json = server.LastRequest.Json;
        Assert.Equal("chat", json.GetProperty("scope").GetProperty("type").GetString());
        Assert.Equal(SupergroupId, json.GetProperty("scope").GetProperty("chat_id").GetInt64());
        Assert.Equal("kk", json.GetProperty("language_code").GetString());
        Assert.Equal("leads", json.GetProperty("commands")[0].GetProperty("command").GetString());
    }

    private static TelegramMessageChannel Channel(LoopbackApiServer server) => new(server.CreateClient());
}
