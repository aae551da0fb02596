using System.ComponentModel.DataAnnotations;

namespace JumysBot.Storage;

/// <summary>The <c>Storage</c> configuration section.</summary>
public sealed class StorageOptions : IValidatableObject
{
    public const string SectionName = "Storage";

    /// <summary><c>Sqlite</c> (default): one file beside the bot. <c>Postgres</c>: a server shared by several instances.</summary>
    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>The SQLite file; its folder is created at start.</summary>
    [Required]
    public string Path { get; set; } = "data/jumysbot.db";

    /// <summary>The PostgreSQL connection string (Npgsql's form: <c>Host=…;Database=…;Username=…;Password=…</c>), with <c>Postgres</c>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// <c>Full</c> (default): every commit waits for the disk, so a confirmed request survives a power cut.
    /// <c>Normal</c>: commits survive a crash of the bot, but the last ones may be lost if the machine loses power;
    /// several times faster on slow disks. SQLite only: PostgreSQL keeps its own <c>synchronous_commit</c>.
    /// </summary>
    public SqliteDurability Durability { get; set; } = SqliteDurability.Full;

    /// <summary>How long a write waits for a lock held by another process (or a connection from a busy pool) before the update is retried later.</summary>
    [Range(1, 300)]
    public int BusyTimeoutSeconds { get; set; } = 5;

    /// <summary>
    /// PostgreSQL only: how many write transactions an instance runs at once, each on a connection of its own, the chats
    /// shared out among them. Two let the bot prepare one transaction's work while the server runs the other's; more
    /// measured no faster on two cores (tests/JumysBot.Benchmarks/RESULTS.md). SQLite writes through one connection.
    /// </summary>
    [Range(1, 16)]
    public int Writers { get; set; } = 2;

    /// <summary>32 random bytes in base64; when set, personal fields are encrypted at rest. From the environment or a secret store only.</summary>
    public string? EncryptionKey { get; set; }

    /// <summary>Keys used before the last rotation, still accepted for reading.</summary>
    public IReadOnlyList<string> PreviousEncryptionKeys { get; set; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Provider == StorageProvider.Postgres && string.IsNullOrWhiteSpace(ConnectionString))
        {
            yield return new ValidationResult("Storage:Provider Postgres needs Storage:ConnectionString.", [nameof(ConnectionString)]);
        }
    }
}

public enum StorageProvider
{
    Sqlite,
    Postgres,
}

public enum SqliteDurability
{
    Full,
    Normal,
}
