namespace StoreShootout;

/// <summary>The stores the tool compares, by the name given on the command line.</summary>
internal static class StoreKind
{
    public const string SqliteFull = "sqlite-full";
    public const string SqliteNormal = "sqlite-normal";
    public const string SqliteNoSecureDelete = "sqlite-full-no-secure-delete";
    public const string LiteDb = "litedb";
    public const string LiteDbCheckpoint = "litedb-checkpoint";

    public static IReadOnlyList<string> Measured { get; } = [SqliteFull, SqliteNormal, LiteDb, LiteDbCheckpoint];

    /// <summary>The file name inside a store's own folder.</summary>
    public static string FileName(string kind) => kind.StartsWith("sqlite", StringComparison.Ordinal) ? "store.db" : "store.litedb";

    public static async Task<IShootoutStore> OpenAsync(string kind, string path, CancellationToken cancellationToken) => kind switch
    {
        SqliteFull => await SqliteStore.OpenAsync(path, "FULL", secureDelete: true, cancellationToken),
        SqliteNormal => await SqliteStore.OpenAsync(path, "NORMAL", secureDelete: true, cancellationToken),
        SqliteNoSecureDelete => await SqliteStore.OpenAsync(path, "FULL", secureDelete: false, cancellationToken),
        LiteDb => new LiteDbStore(path, checkpointEachCommit: false),
        LiteDbCheckpoint => new LiteDbStore(path, checkpointEachCommit: true),
        _ => throw new ArgumentException($"Unknown store '{kind}'; one of: {SqliteFull}, {SqliteNormal}, {SqliteNoSecureDelete}, {LiteDb}, {LiteDbCheckpoint}.", nameof(kind)),
    };
}
