using Microsoft.Extensions.Options;

namespace JumysBot.Telegram;

/// <summary>
/// The bot's @username, which start links need: <c>Telegram:BotUsername</c> when set, otherwise what getMe answered at
/// start (<see cref="BotIdentityResolver"/>); null until then.
/// </summary>
public sealed class BotIdentity(IOptions<TelegramOptions> options)
{
    private string? _learned;

    public string? Username =>
        string.IsNullOrWhiteSpace(options.Value.BotUsername) ? Volatile.Read(ref _learned) : options.Value.BotUsername.Trim().TrimStart('@');

    public void Learn(string username)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(username);
        Volatile.Write(ref _learned, username);
    }
}
