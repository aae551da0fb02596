using JumysBot.Telegram.Types;

namespace JumysBot.Telegram.Requests;

public sealed record SetMyCommandsRequest() : RequestBase<bool>("setMyCommands")
{
    public required IEnumerable<BotCommand> Commands { get; init; }

    /// <summary>Null means <see cref="BotCommandScope.Default"/>.</summary>
    public BotCommandScope? Scope { get; init; }

    /// <summary>A two-letter ISO 639-1 code (<c>ru</c>, <c>kk</c>); null applies to users of every language without a list of their own.</summary>
    public string? LanguageCode { get; init; }
}
