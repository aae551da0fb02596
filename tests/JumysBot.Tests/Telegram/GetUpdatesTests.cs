using JumysBot.Telegram;
using JumysBot.Updates;
using Telegram.Bot;
using Telegram.Bot.Types.Enums;

namespace JumysBot.Tests.Telegram;

public class GetUpdatesTests
{
    private const string PrivateChat = """{"id":5000000001,"type":"private","first_name":"Айгүл"}""";
    private const string Person = """{"id":5000000001,"is_bot":false,"first_name":"Айгүл","language_code":"kk"}""";

    [Fact]
    public async Task Sends_offset_timeout_and_allowed_updates_by_their_api_names()
    {
        await using var server = await LoopbackApiServer.StartAsync();
        server.ReplyOk("[]");

        var updates = await server.CreateClient().SendRequest(new GetUpdatesAsJsonRequest
        {
            Offset = 2_000_000_000,
            Timeout = 25,
            AllowedUpdates = [UpdateType.Message, UpdateType.EditedMessage, UpdateType.CallbackQuery, UpdateType.MyChatMember],
        });

        Assert.Empty(updates);
        var json = server.LastRequest.Json;
        Assert.Equal($"/bot{LoopbackApiServer.Token}/getUpdates", server.LastRequest.Path);
        Assert.Equal(2_000_000_000, json.GetProperty("offset").GetInt64());
        Assert.Equal(25, json.GetProperty("timeout").GetInt32());
        Assert.False(json.TryGetProperty("limit", out _));
        Assert.Equal(
            ["message", "edited_message", "callback_query", "my_chat_member"],
            json.GetProperty("allowed_updates").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task Reads_a_text_message_ignoring_fields_it_does_not_know_and_sets_aside_what_it_cannot_read()
    {
        await using var server = await LoopbackApiServer.StartAsync();
        server.ReplyOk(WithPeople("""
            [
              {"update_id":100,"message":{"message_id":1,"date":1700000000,"chat":CHAT,"from":PERSON,
                "text":"/start","entities":[{"type":"bot_command","offset":0,"length":6}],"some_future_field":{"x":[1,2]}}},
              {"update_id":101,"message_reaction":{"chat":CHAT,"message_id":1,"date":1700000001,
                "old_reaction":[],"new_reaction":[{"type":"emoji","emoji":"👍"}]}},
              {"update_id":102,"a_future_kind":{"id":1}},
              {"update_id":103,"message":{"message_id":"two","date":1700000002,"chat":CHAT}}
            ]
            """));

        var received = await ReadAsync(server);

        Assert.Equal([100L, 101L, 102L, 103L], received.Select(u => u.Id));
        Assert.Equal(["message", "message_reaction", "a_future_kind", "message"], received.Select(u => u.Kind));
        Assert.Equal([true, true, false, false], received.Select(u => u.IsReadable));
        var message = received[0].Update!.Message!;
        Assert.Equal("/start", message.Text);
        Assert.Equal(5000000001, message.From!.Id);
        Assert.Equal("kk", message.From.LanguageCode);
        Assert.Equal(ChatType.Private, message.Chat.Type);
        Assert.Equal(UpdateType.MessageReaction, received[1].Update!.Type);
        Assert.Contains("\"some_future_field\":{\"x\":[1,2]}", received[0].Json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reads_a_callback_query()
    {
        await using var server = await LoopbackApiServer.StartAsync();
        server.ReplyOk(WithPeople("""
            [{"update_id":7,"callback_query":{"id":"4382bfdwdsb323b2d9","from":PERSON,"chat_instance":"-5318008",
              "data":"m:grant","message":{"message_id":55,"date":1700000000,"chat":CHAT,"text":"Выберите"}}}]
            """));

        var update = Assert.Single(await ReadAsync(server)).Update!;

        Assert.Equal(UpdateType.CallbackQuery, update.Type);
        var query = update.CallbackQuery!;
        Assert.Equal("4382bfdwdsb323b2d9", query.Id);
        Assert.Equal("m:grant", query.Data);
        Assert.Equal(5000000001, query.From.Id);
        Assert.Equal(55, query.Message!.Id);
    }

    [Fact]
    public async Task Reads_contact_location_voice_and_photo_messages()
    {
        await using var server = await LoopbackApiServer.StartAsync();
        server.ReplyOk(WithPeople("""
            [
              {"update_id":1,"message":{"message_id":1,"date":1,"chat":CHAT,"from":PERSON,
                "contact":{"phone_number":"+77011234567","first_name":"Айгүл","user_id":5000000001}}},
              {"update_id":2,"message":{"message_id":2,"date":2,"chat":CHAT,
                "location":{"latitude":49.8047,"longitude":73.1094,"horizontal_accuracy":25.5}}},
              {"update_id":3,"message":{"message_id":3,"date":3,"chat":CHAT,
                "voice":{"file_id":"AwACAgIAAxkB","file_unique_id":"AgADBAAD","duration":12,"mime_type":"audio/ogg","file_size":48213}}},
              {"update_id":4,"message":{"message_id":4,"date":4,"chat":CHAT,"caption":"справка",
                "photo":[{"file_id":"small","file_unique_id":"s","width":90,"height":67},{"file_id":"big","file_unique_id":"b","width":1280,"height":960}]}}
            ]
            """));

        var updates = (await ReadAsync(server)).Select(u => u.Update!).ToArray();

        var contact = updates[0].Message!.Contact!;
        Assert.Equal("+77011234567", contact.PhoneNumber);
        Assert.Equal(5000000001, contact.UserId);
        var location = updates[1].Message!.Location!;
        Assert.Equal(49.8047, location.Latitude);
        Assert.Equal(73.1094, location.Longitude);
        Assert.Equal(25.5, location.HorizontalAccuracy);
        var voice = updates[2].Message!.Voice!;
        Assert.Equal("AwACAgIAAxkB", voice.FileId);
        Assert.Equal(12, voice.Duration);
        Assert.Equal(48213, voice.FileSize);
        var photo = updates[3].Message!;
        Assert.Equal("справка", photo.Caption);
        Assert.Equal("big", photo.Photo![^1].FileId);
    }

    [Fact]
    public async Task Reads_the_bot_being_blocked_and_a_group_migration()
    {
        await using var server = await LoopbackApiServer.StartAsync();
        server.ReplyOk(WithPeople("""
            [
              {"update_id":1,"my_chat_member":{"chat":CHAT,"from":PERSON,"date":5,
                "old_chat_member":{"status":"member","user":{"id":1,"is_bot":true,"first_name":"JumysBot"}},
                "new_chat_member":{"status":"kicked","until_date":0,"user":{"id":1,"is_bot":true,"first_name":"JumysBot"}}}},
              {"update_id":2,"message":{"message_id":9,"date":6,"chat":{"id":-4000000001,"type":"group","title":"Консультанты"},
                "migrate_to_chat_id":-1001234567890123}}
            ]
            """));

        var updates = (await ReadAsync(server)).Select(u => u.Update!).ToArray();

        Assert.Equal(UpdateType.MyChatMember, updates[0].Type);
        Assert.Equal(ChatMemberStatus.Kicked, updates[0].MyChatMember!.NewChatMember.Status);
        Assert.Equal(-1001234567890123, updates[1].Message!.MigrateToChatId);
    }

    private static async Task<List<ReceivedUpdate>> ReadAsync(LoopbackApiServer server) =>
        [.. (await server.CreateClient().SendRequest(new GetUpdatesAsJsonRequest())).Select(UpdateReader.Read).OfType<ReceivedUpdate>()];

    /// <summary>Puts the sample private chat and person in place of CHAT and PERSON.</summary>
    private static string WithPeople(string json) =>
        json.Replace("CHAT", PrivateChat, StringComparison.Ordinal).Replace("PERSON", Person, StringComparison.Ordinal);
}
