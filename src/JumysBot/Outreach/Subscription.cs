namespace JumysBot.Outreach;

/// <summary>What announcements are about; a person subscribes to any of them.</summary>
public enum AnnouncementTopic
{
    Training,
    Grants,
    Jobs,
}

/// <summary>
/// A person's opt-in to announcements: the topics, and the city or district (none: the whole region). A person
/// without one gets no announcements at all.
/// </summary>
public sealed record Subscription(IReadOnlyList<AnnouncementTopic> Topics, string? PlaceId)
{
    public static IReadOnlyList<AnnouncementTopic> AllTopics { get; } = Enum.GetValues<AnnouncementTopic>();

    /// <summary>True when an announcement on these topics, for these places (none: everywhere), is for this person.</summary>
    public bool Wants(IReadOnlyCollection<AnnouncementTopic> topics, IReadOnlyCollection<string> places)
    {
        ArgumentNullException.ThrowIfNull(topics);
        ArgumentNullException.ThrowIfNull(places);
        return Topics.Any(topics.Contains) && (places.Count == 0 || PlaceId is null || places.Contains(PlaceId));
    }

    public static string FormatTopics(IEnumerable<AnnouncementTopic> topics) => string.Join(',', topics.Order());

    public static IReadOnlyList<AnnouncementTopic> ParseTopics(string? stored) =>
        [.. (stored ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(t => Enum.TryParse<AnnouncementTopic>(t, out var topic) ? topic : (AnnouncementTopic?)null)
            .OfType<AnnouncementTopic>()
            .Distinct()
            .Order()];
}
