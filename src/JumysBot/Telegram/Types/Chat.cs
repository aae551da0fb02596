namespace JumysBot.Telegram.Types;

public sealed record Chat
{
    public required long Id { get; init; }

    public required ChatType Type { get; init; }

    public string? Title { get; init; }

    public string? Username { get; init; }

    public string? FirstName { get; init; }

    public string? LastName { get; init; }
}
