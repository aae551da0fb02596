namespace JumysBot.Outreach;

/// <summary>One start of the conversation, and the start link it came through (null for a plain /start).</summary>
public sealed record Arrival(string? Source, string? Campaign);
