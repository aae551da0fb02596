using System.ComponentModel.DataAnnotations;

namespace JumysBot.Storage;

/// <summary>The <c>Storage</c> configuration section.</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary>The SQLite file; its folder is created at start.</summary>
    [Required]
    public string Path { get; set; } = "data/jumysbot.db";
}
