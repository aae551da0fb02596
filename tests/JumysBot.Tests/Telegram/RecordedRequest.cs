using System.Text.Json;

namespace JumysBot.Tests.Telegram;

/// <summary>What the loopback server saw: a JSON body, or the fields and files of a multipart form.</summary>
public sealed record RecordedRequest(
    string Method,
    string Path,
    string? ContentType,
    string Body,
    IReadOnlyDictionary<string, string> FormFields,
    IReadOnlyDictionary<string, RecordedFile> FormFiles)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;
}
