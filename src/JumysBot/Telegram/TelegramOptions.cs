using System.ComponentModel.DataAnnotations;

namespace JumysBot.Telegram;

/// <summary>The <c>Telegram</c> configuration section.</summary>
public sealed class TelegramOptions
{
    public const string SectionName = "Telegram";

    /// <summary>The token from @BotFather; empty starts the terminal chat instead.</summary>
    [RegularExpression(@"^\s*$|^[0-9]{1,16}:[A-Za-z0-9_-]+$", ErrorMessage = "Telegram:BotToken is the bot's id, a colon and the secret, as @BotFather gives it (123456789:AA…).")]
    public string? BotToken { get; set; }

    /// <summary>
    /// The bot's @username (the @ may be left out), for the start links on posters. Empty: the bot asks Telegram (getMe) at
    /// start; the <c>poster</c> command, which runs without Telegram, needs it set.
    /// </summary>
    [RegularExpression("^@?[A-Za-z0-9_]{5,32}$", ErrorMessage = "Telegram:BotUsername is 5–32 letters, digits or '_' (the bot's @username).")]
    public string? BotUsername { get; set; }

    [Required]
    public Uri ApiBaseUrl { get; set; } = new("https://api.telegram.org");

    public TelegramMode Mode { get; set; } = TelegramMode.Polling;

    public Uri? WebhookUrl { get; set; }

    public string? WebhookSecret { get; set; }

    /// <summary>Seconds Telegram holds a getUpdates call open; kept well below <see cref="RequestTimeoutSeconds"/>.</summary>
    [Range(0, 50)]
    public int PollingTimeoutSeconds { get; set; } = 25;

    [Range(5, 300)]
    public int RequestTimeoutSeconds { get; set; } = 60;

    /// <summary>Telegram's limits on sending, a little under what it allows.</summary>
    [Range(1, 100_000)]
    public double GlobalMessagesPerSecond { get; set; } = 29;

    [Range(0.01, 100)]
    public double PrivateChatMessagesPerSecond { get; set; } = 1;

    /// <summary>A private chat may get this many messages at once (a reply of a few parts), then one a second.</summary>
    [Range(1, 100)]
    public double PrivateChatBurst { get; set; } = 4;

    [Range(1, 1000)]
    public double GroupMessagesPerMinute { get; set; } = 19;

    /// <summary>The path that receives updates in webhook mode, taken from <see cref="WebhookUrl"/>.</summary>
    public string WebhookPath => WebhookUrl?.AbsolutePath is { Length: > 1 } path ? path : "/telegram/webhook";
}

public enum TelegramMode
{
    Polling,
    Webhook,
}
