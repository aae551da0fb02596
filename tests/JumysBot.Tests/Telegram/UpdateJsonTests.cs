using System.Text.Json;
using JumysBot.Telegram;
using JumysBot.Updates;
using Telegram.Bot.Types.Enums;

namespace JumysBot.Tests.Telegram;

public class UpdateJsonTests
{
    private const string Incoming = """
        {"update_id":900,"message":{"message_id":3,"date":1700000000,"unknown":1,
          "chat":{"id":5000000001,"type":"private","first_name":"Айгүл"},
          "from":{"id":5000000001,"is_bot":false,"first_name":"Айгүл"},
          "reply_to_message":{"message_id":2,"date":1699999999,"chat":{"id":5000000001,"type":"private"},"text":"Ваш номер?"},
          "contact":{"phone_number":"+77011234567","first_name":"Айгүл","user_id":5000000001}}}
        """;

    [Fact]
    public void The_inbox_keeps_an_update_exactly_as_telegram_sent_it_and_reads_it_back()
    {
        using var batch = JsonDocument.Parse($"[{Incoming}]");

        var received = UpdateReader.Read(batch.RootElement[0])!;
        var restored = UpdateReader.Read(received.Id, received.Json);

        Assert.Equal(Incoming, received.Json);
        Assert.Equal(900, received.Id);
        Assert.Equal("message", received.Kind);
        Assert.Equal(UpdateType.Message, restored.Update!.Type);
        Assert.Equal("+77011234567", restored.Update.Message!.Contact!.PhoneNumber);
        Assert.Equal("Ваш номер?", restored.Update.Message.ReplyToMessage!.Text);
        Assert.Equal(new DateTime(2023, 11, 14, 22, 13, 20, DateTimeKind.Utc), restored.Update.Message.Date);
    }

    [Theory]
    [InlineData("""{"message":{"message_id":1}}""")]
    [InlineData("""{"update_id":"nine"}""")]
    [InlineData("""[1,2]""")]
    [InlineData("""42""")]
    public void An_element_without_a_numeric_update_id_cannot_be_stored(string json)
    {
        using var document = JsonDocument.Parse(json);

        Assert.Null(UpdateReader.Read(document.RootElement));
    }

    [Fact]
    public void A_stored_text_that_is_not_json_reads_as_unreadable_not_as_an_exception()
    {
        var received = UpdateReader.Read(77, "{not json");

        Assert.False(received.IsReadable);
        Assert.Equal(77, received.Id);
    }
}
