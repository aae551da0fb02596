using System.ComponentModel.DataAnnotations;

namespace JumysBot.Privacy;

/// <summary>The <c>Privacy</c> configuration section: how long data that is no longer needed is kept.</summary>
public sealed class RetentionOptions
{
    public const string SectionName = "Privacy";

    /// <summary>A conversation nobody has touched for this many days is cleared (answers half given, a request not finished).</summary>
    [Range(1, 3650)]
    public int ConversationRetentionDays { get; set; } = 30;

    /// <summary>Handled updates and sent messages (their texts are already gone) are deleted after this many days.</summary>
    [Range(1, 3650)]
    public int DeliveryLogRetentionDays { get; set; } = 7;
}
