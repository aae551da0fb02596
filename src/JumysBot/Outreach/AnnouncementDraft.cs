using System.Text.Json.Serialization;

namespace JumysBot.Outreach;

/// <summary>An announcement being written by an administrator, kept with their conversation until it is sent.</summary>
public sealed record AnnouncementDraft
{
    public string? TextRu { get; init; }

    public string? TextKk { get; init; }

    public IReadOnlyList<AnnouncementTopic> Topics { get; init; } = [];

    /// <summary>Cities and districts; none means the whole region.</summary>
    public IReadOnlyList<string> Places { get; init; } = [];
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, UseStringEnumConverter = true)]
[JsonSerializable(typeof(AnnouncementDraft))]
internal sealed partial class OutreachJsonContext : JsonSerializerContext;
