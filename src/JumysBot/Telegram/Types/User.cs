namespace JumysBot.Telegram.Types;

public sealed record User
{
    public required long Id { get; init; }

    public required bool IsBot { get; init; }

    public required string FirstName { get; init; }

    public string? LastName { get; init; }

    public string? Username { get; init; }

    /// <summary>The IETF language tag of the user's Telegram app, e.g. <c>ru</c> or <c>kk</c>.</summary>
    public string? LanguageCode { get; init; }
}
