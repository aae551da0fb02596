using System.Text.Json;
using Telegram.Bot;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace JumysBot.Updates;

/// <summary>
/// Reads updates one at a time with Telegram.Bot's serializer options, so one update of a shape the bot did not
/// expect is set aside instead of failing the batch it came in. An update is unreadable when it does not parse, is of a
/// kind Telegram.Bot does not know, or lacks a field the bot relies on (the library leaves missing fields empty).
/// </summary>
public static class UpdateReader
{
    /// <returns>Null only when the element carries no <c>update_id</c>, so it cannot be stored or confirmed.</returns>
    public static ReceivedUpdate? Read(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object
            || !element.TryGetProperty("update_id", out var idElement)
            || idElement.ValueKind != JsonValueKind.Number
            || !idElement.TryGetInt64(out var id))
        {
            return null;
        }

        return new ReceivedUpdate(id, KindOf(element), element.GetRawText(), Parse(element));
    }

    /// <summary>Reads an update stored in the inbox; an unreadable one comes back with no <see cref="ReceivedUpdate.Update"/>.</summary>
    public static ReceivedUpdate Read(long updateId, string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using var document = JsonDocument.Parse(json);
            return Read(document.RootElement) ?? new ReceivedUpdate(updateId, "unknown", json, null);
        }
        catch (JsonException)
        {
            return new ReceivedUpdate(updateId, "unknown", json, null);
        }
    }

    private static Update? Parse(JsonElement element)
    {
        Update? update;
        try
        {
            update = element.Deserialize<Update>(JsonBotAPI.Options);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException or OverflowException or ArgumentException or NotSupportedException)
        {
            return null;
        }

        return update is not null && HasWhatTheBotReads(update) ? update : null;
    }

    private static bool HasWhatTheBotReads(Update update) => update.Type switch
    {
        UpdateType.Unknown => false,
        UpdateType.CallbackQuery => update.CallbackQuery is { Id: not null, From: not null } query
            && (query.Message is null || IsWhole(query.Message)),
        UpdateType.MyChatMember or UpdateType.ChatMember => (update.MyChatMember ?? update.ChatMember) is { Chat: not null, From: not null, NewChatMember: not null },
        _ => update.Message is null || IsWhole(update.Message),
    };

    private static bool IsWhole(Message message) =>
        message.Chat is not null
        && (message.Contact is null || message.Contact.PhoneNumber is not null)
        && (message.Voice is null || message.Voice.FileId is not null);

    private static string KindOf(JsonElement element)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (property.Name != "update_id")
            {
                // Only a name Telegram could send goes to the log: letters and underscores, no personal data.
                return property.Name.Length <= 40 && property.Name.All(c => c is (>= 'a' and <= 'z') or '_') ? property.Name : "unknown";
            }
        }

        return "none";
    }
}
