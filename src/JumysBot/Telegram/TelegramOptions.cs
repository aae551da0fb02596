using System.ComponentModel.DataAnnotations;

namespace JumysBot.Telegram;

/// <summary>The <c>Telegram</c> configuration section.</summary>
public sealed class TelegramOptions
{
    public const string SectionName = "Telegram";

    /// <summary>The token from @BotFather; empty starts the terminal chat instead.</summary>
    public string? BotToken { get; set; }

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
}

public enum TelegramMode
{
    Polling,
    Webhook,
}
