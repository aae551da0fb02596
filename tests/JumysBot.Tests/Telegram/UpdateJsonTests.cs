using System.Text.Json;
using JumysBot.Telegram;
using JumysBot.Telegram.Types;

namespace JumysBot.Tests.Telegram;

public class UpdateJsonTests
{
    [Fact]
    public void An_update_survives_a_round_trip_through_the_inbox_json()
    {
        const string Incoming = """
            {"update_id":900,"message":{"message_id":3,"date":1700000000,"unknown":1,
              "chat":{"id":5000000001,"type":"private","first_name":"Айгүл"},
              "from":{"id":5000000001,"is_bot":false,"first_name":"Айгүл"},
              "reply_to_message":{"message_id":2,"date":1699999999,"chat":{"id":5000000001,"type":"private"},"text":"Ваш номер?"},
              "contact":{"phone_number":"+77011234567","first_name":"Айгүл","user_id":5000000001}}}
            """;

        var update = JsonSerializer.Deserialize(Incoming, TelegramJsonContext.Default.Update)!;
        var stored = JsonSerializer.Serialize(update, TelegramJsonContext.Compact.Update);
        var restored = JsonSerializer.Deserialize(stored, TelegramJsonContext.Default.Update)!;

        Assert.Equal(900, restored.Id);
        Assert.Equal(UpdateType.Message, restored.Type);
        Assert.Equal(update.Message!.Contact, restored.Message!.Contact);
        Assert.Equal("Ваш номер?", restored.Message.ReplyToMessage!.Text);
        Assert.Contains("\"update_id\":900", stored, StringComparison.Ordinal);
        Assert.Contains("\"type\":\"private\"", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("null", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("\"type\":\"message\"", stored, StringComparison.Ordinal);
        Assert.Contains("\"first_name\":\"Айгүл\"", stored, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_request_body_carries_kazakh_and_russian_letters_unescaped_and_quotes_escaped()
    {
        var request = new JumysBot.Telegram.Requests.SendMessageRequest { ChatId = 7, Text = "Сәлем! \"Жұмыс\" <b>& Привет" };

        var body = await request.ToHttpContent().ReadAsStringAsync();

        Assert.Contains("Сәлем! \\\"Жұмыс\\\" <b>& Привет", body, StringComparison.Ordinal);
        Assert.Equal(request.Text, JsonDocument.Parse(body).RootElement.GetProperty("text").GetString());
        Assert.Equal("application/json", request.ToHttpContent().Headers.ContentType!.MediaType);
    }

    [Fact]
    public void An_update_without_its_id_is_rejected()
    {
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("""{"message":null}""", TelegramJsonContext.Default.Update));
    }
}
