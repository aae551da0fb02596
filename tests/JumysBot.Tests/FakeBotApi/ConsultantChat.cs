using System.Text.Json.Nodes;

namespace JumysBot.Tests.FakeBotApi;

/// <summary>A consultants' group chat (or an administrator's private chat) as the bot sees it through the fake Bot API.</summary>
public sealed class ConsultantChat(FakeBotApiServer api, long chatId, long userId, string firstName, string title = "Консультанты")
{
    public long ChatId { get; } = chatId;

    public IReadOnlyList<ApiCall> Received => [.. api.CallsTo(ChatId).Where(c => c.Status == 200 && c.Method is "sendMessage" or "sendDocument" or "sendVoice")];

    public IReadOnlyList<ApiCall> Edits => [.. api.CallsTo(ChatId).Where(c => c.Status == 200 && c.Method == "editMessageText")];

    public long Sends(string text) => api.Enqueue(new JsonObject
    {
        ["message"] = new JsonObject
        {
            ["message_id"] = 1,
            ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["chat"] = Chat(),
            ["from"] = From(),
            ["text"] = text,
        },
    });

    public long Presses(string data, int messageId = 1) => api.Enqueue(new JsonObject
    {
        ["callback_query"] = new JsonObject
        {
            ["id"] = $"cb-{ChatId}-{Guid.NewGuid():N}",
            ["from"] = From(),
            ["message"] = new JsonObject { ["message_id"] = messageId, ["date"] = 0, ["chat"] = Chat() },
            ["chat_instance"] = "ci",
            ["data"] = data,
        },
    });

    public Task<ApiCall> ReceivesAsync(Func<ApiCall, bool> match, string what) =>
        api.WaitForCallAsync(c => c.ChatId == ChatId && c.Status == 200 && match(c), what);

    private JsonObject Chat() => ChatId < 0
        ? new JsonObject { ["id"] = ChatId, ["type"] = "supergroup", ["title"] = title }
        : new JsonObject { ["id"] = ChatId, ["type"] = "private", ["first_name"] = firstName };

    private JsonObject From() => new() { ["id"] = userId, ["is_bot"] = false, ["first_name"] = firstName, ["language_code"] = "ru" };
}
