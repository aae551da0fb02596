using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace StoreShootout;

/// <summary>
/// SQLite as src/JumysBot/Storage writes it: WAL, the same PRAGMAs on every connection, one writer connection kept
/// open with its statements prepared, BEGIN IMMEDIATE, each update's writes in a savepoint as GroupCommit runs them,
/// and the same SQL text as the repositories.
/// </summary>
internal sealed class SqliteStore : IShootoutStore
{
    private const string SaveState = """
        INSERT INTO conversations (chat_id, step, data, screen, updated_at) VALUES (@chat, @step, @data, @screen, @now)
        ON CONFLICT (chat_id) DO UPDATE SET step = excluded.step, data = excluded.data, screen = excluded.screen, updated_at = excluded.updated_at
        """;

    private const string AddOutbox =
        "INSERT INTO outbox (chat_id, priority, payload, created_at, lead_card, announcement_id) VALUES (@chat, @priority, @payload, @now, @card, @announcement)";

    private const string MarkHandled = "UPDATE inbox SET handled_at = @now, payload = NULL, attempts = attempts + 1 WHERE update_id = @id";

    private const string AddInbox = """
        INSERT INTO inbox (update_id, chat_id, payload, received_at) VALUES (@id, @chat, @payload, @now)
        ON CONFLICT (update_id) DO NOTHING
        """;

    private readonly string _connectionString;
    private readonly string _pragmas;
    private readonly SqliteConnection _writer;
    private readonly Dictionary<string, SqliteCommand> _prepared = new(StringComparer.Ordinal);

    private SqliteStore(string path, string durability, bool secureDelete)
    {
        Path = System.IO.Path.GetFullPath(path);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 5,
        }.ToString();
        _pragmas = $"PRAGMA foreign_keys = ON; PRAGMA synchronous = {durability}; PRAGMA secure_delete = {(secureDelete ? "ON" : "OFF")};";
        Name = $"SQLite WAL synchronous={durability}{(secureDelete ? "" : " secure_delete=OFF")}";
        _writer = new SqliteConnection(_connectionString);
    }

    public string Path { get; }

    public string Name { get; }

    public IReadOnlyList<string> Files => [Path, Path + "-wal", Path + "-shm"];

    /// <summary>Opens (and on first use creates) the file with the bot's schema for the tables these writes touch.</summary>
    /// <param name="durability"><c>FULL</c> (the bot's default) or <c>NORMAL</c> (its <c>Storage:Durability=Normal</c>).</param>
    public static async Task<SqliteStore> OpenAsync(string path, string durability, bool secureDelete, CancellationToken cancellationToken)
    {
        var store = new SqliteStore(path, durability, secureDelete);
        try
        {
            await store._writer.OpenAsync(cancellationToken);
            await store.ExecuteAsync(store._pragmas, cancellationToken);
            await store.ExecuteAsync("PRAGMA journal_mode = WAL;", cancellationToken);
            await store.ExecuteAsync(Schema, cancellationToken);
            return store;
        }
        catch
        {
            store.Dispose();
            throw;
        }
    }

    public async Task ReceiveAsync(IReadOnlyList<InboxRow> rows, CancellationToken cancellationToken)
    {
        using var transaction = _writer.BeginTransaction(deferred: false);
        foreach (var row in rows)
        {
            await RunAsync(transaction, AddInbox, cancellationToken, ("@id", row.UpdateId), ("@chat", row.ChatId), ("@payload", row.Payload), ("@now", row.Now));
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public async Task HandleAsync(IReadOnlyList<UpdateWrite> updates, CancellationToken cancellationToken)
    {
        using var transaction = _writer.BeginTransaction(deferred: false);
        foreach (var update in updates)
        {
            await RunAsync(transaction, "SAVEPOINT work", cancellationToken);
            await RunAsync(transaction, SaveState, cancellationToken,
                ("@chat", update.ChatId), ("@step", update.Step), ("@data", update.Data), ("@screen", update.Screen), ("@now", update.Now));
            await RunAsync(transaction, AddOutbox, cancellationToken,
                ("@chat", update.ChatId), ("@card", null), ("@announcement", null), ("@priority", 0), ("@payload", update.OutboxPayload), ("@now", update.Now));
            await RunAsync(transaction, MarkHandled, cancellationToken, ("@id", update.UpdateId), ("@now", update.Now));
            await RunAsync(transaction, "RELEASE work", cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<StoredState> ReadBackAsync(CancellationToken cancellationToken)
    {
        var inbox = await ReadAllAsync("SELECT update_id, handled_at IS NOT NULL, payload IS NOT NULL FROM inbox",
            r => (r.GetInt64(0), r.GetBoolean(1), r.GetBoolean(2)), cancellationToken);
        var outbox = await ReadAllAsync("SELECT payload FROM outbox", r => Workload.UpdateOf(r.GetString(0)), cancellationToken);
        var steps = await ReadAllAsync("SELECT chat_id, step FROM conversations", r => (Chat: r.GetInt64(0), Step: r.GetString(1)), cancellationToken);
        var integrity = await ReadAllAsync("PRAGMA integrity_check", r => r.GetString(0), cancellationToken);
        return new StoredState(inbox, outbox, steps.ToDictionary(s => s.Chat, s => s.Step), string.Join("; ", integrity));
    }

    public async Task WritePersonAsync(PersonRecord person, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(person);
        var turns = PersonTurns.For(person);
        await ReceiveAsync([new InboxRow(turns.UpdateId, person.ChatId, turns.Typed, turns.Now)], cancellationToken);
        using var transaction = _writer.BeginTransaction(deferred: false);
        await RunAsync(transaction, "INSERT INTO people (id, language, role, created_at, updated_at) VALUES (@id, 'ru', 'Person', @now, @now)", cancellationToken,
            ("@id", person.PersonId), ("@now", turns.Now));
        foreach (var data in turns.States)
        {
            await RunAsync(transaction, SaveState, cancellationToken,
                ("@chat", person.ChatId), ("@step", "request.confirm"), ("@data", data), ("@screen", turns.Screen), ("@now", turns.Now));
        }

        await RunAsync(transaction, """
            INSERT INTO leads (person_id, kind, name, phone, contact_method, point_id, comment, language, status, created_at, updated_at)
            VALUES (@person, 'Consultation', @name, @phone, 'call', 'almaty-1', @comment, 'ru', 'New', @now, @now)
            """, cancellationToken, ("@person", person.PersonId), ("@name", person.Name), ("@phone", person.Phone), ("@comment", person.Comment), ("@now", turns.Now));
        await RunAsync(transaction, AddOutbox, cancellationToken,
            ("@chat", person.ChatId), ("@card", null), ("@announcement", null), ("@priority", 0), ("@payload", turns.Reply), ("@now", turns.Now));
        await RunAsync(transaction, MarkHandled, cancellationToken, ("@id", turns.UpdateId), ("@now", turns.Now));
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task ErasePersonAsync(PersonRecord person, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(person);
        using var transaction = _writer.BeginTransaction(deferred: false);
        // In PersonEraser's order and with its statements (Leads.AnonymiseForPerson, Outbox.DeleteForChat, ...).
        await RunAsync(transaction, """
            UPDATE leads SET person_id = 0, name = NULL, phone = NULL, phone_hash = NULL, comment = NULL, voice_file_id = NULL,
                latitude = NULL, longitude = NULL, disability_group = NULL, feedback_comment = NULL, updated_at = @now
            WHERE person_id = @person
            """, cancellationToken, ("@person", person.PersonId), ("@now", 1L));
        await RunAsync(transaction, "DELETE FROM outbox WHERE chat_id = @chat", cancellationToken, ("@chat", person.ChatId));
        await RunAsync(transaction, "DELETE FROM inbox WHERE chat_id = @chat AND handled_at IS NULL", cancellationToken, ("@chat", person.ChatId));
        await RunAsync(transaction, "DELETE FROM conversations WHERE chat_id = @chat", cancellationToken, ("@chat", person.ChatId));
        await RunAsync(transaction, "DELETE FROM people WHERE id = @id", cancellationToken, ("@id", person.PersonId));
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<string>> CompactAsync(CompactStep step, CancellationToken cancellationToken)
    {
        if (step == CompactStep.Checkpoint)
        {
            // SqliteEngine.CheckpointAsync, which UpdateProcessor runs after an erasure.
            await ExecuteAsync("PRAGMA wal_checkpoint(TRUNCATE)", cancellationToken);
            return ["PRAGMA wal_checkpoint(TRUNCATE)"];
        }

        await ExecuteAsync("VACUUM", cancellationToken);
        await ExecuteAsync("PRAGMA wal_checkpoint(TRUNCATE)", cancellationToken);
        return ["VACUUM", "PRAGMA wal_checkpoint(TRUNCATE)"];
    }

    private async Task RunAsync(SqliteTransaction transaction, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        if (!_prepared.TryGetValue(sql, out var command))
        {
            command = new SqliteCommand(sql, _writer);
            _prepared.Add(sql, command);
        }

        command.Transaction = transaction;
        command.Parameters.Clear();
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }

        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<List<T>> ReadAllAsync<T>(string sql, Func<DbDataReader, T> read, CancellationToken cancellationToken)
    {
        await using var command = new SqliteCommand(sql, _writer);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    private async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        await using var command = new SqliteCommand(sql, _writer);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public void Dispose()
    {
        foreach (var command in _prepared.Values)
        {
            command.Dispose();
        }

        _writer.Dispose();
        SqliteConnection.ClearAllPools();
    }

    // The tables these writes touch, as src/JumysBot/Storage/Migrations.cs leaves them after version 7.
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS inbox (
            update_id   BIGINT PRIMARY KEY,
            chat_id     BIGINT NULL,
            payload     TEXT NULL,
            received_at BIGINT NOT NULL,
            handled_at  BIGINT NULL,
            attempts    INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX IF NOT EXISTS inbox_pending ON inbox (update_id) WHERE handled_at IS NULL;
        CREATE TABLE IF NOT EXISTS people (
            id BIGINT PRIMARY KEY, language TEXT NULL, role TEXT NULL, disability_group TEXT NULL, age_band TEXT NULL,
            goal TEXT NULL, is_active INTEGER NOT NULL DEFAULT 1, created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL,
            consent_version INTEGER NULL, consent_at BIGINT NULL, source TEXT NULL, campaign TEXT NULL,
            subscribed_topics TEXT NULL, subscribed_place TEXT NULL
        );
        CREATE TABLE IF NOT EXISTS conversations (
            chat_id    BIGINT PRIMARY KEY,
            step       TEXT NOT NULL,
            data       TEXT NULL,
            screen     TEXT NULL,
            updated_at BIGINT NOT NULL
        );
        CREATE INDEX IF NOT EXISTS conversations_updated ON conversations (updated_at);
        CREATE TABLE IF NOT EXISTS outbox (
            id          INTEGER PRIMARY KEY AUTOINCREMENT,
            chat_id     BIGINT NOT NULL,
            priority    INTEGER NOT NULL,
            payload     TEXT NOT NULL,
            created_at  BIGINT NOT NULL,
            not_before  BIGINT NULL,
            attempts    INTEGER NOT NULL DEFAULT 0,
            sent_at     BIGINT NULL,
            message_id  BIGINT NULL,
            failed_at   BIGINT NULL,
            last_error  TEXT NULL,
            lead_card   BIGINT NULL,
            in_doubt    INTEGER NOT NULL DEFAULT 0,
            announcement_id BIGINT NULL
        );
        CREATE INDEX IF NOT EXISTS outbox_pending ON outbox (priority, id) WHERE sent_at IS NULL AND failed_at IS NULL;
        CREATE INDEX IF NOT EXISTS outbox_announcement ON outbox (announcement_id) WHERE announcement_id IS NOT NULL;
        CREATE TABLE IF NOT EXISTS leads (
            id INTEGER PRIMARY KEY AUTOINCREMENT, person_id BIGINT NOT NULL, kind TEXT NOT NULL, measure_id TEXT NULL,
            topic TEXT NULL, name TEXT NULL, phone TEXT NULL, contact_method TEXT NOT NULL, contact_time TEXT NULL,
            place_id TEXT NULL, latitude DOUBLE PRECISION NULL, longitude DOUBLE PRECISION NULL, point_id TEXT NOT NULL,
            disability_group TEXT NULL, comment TEXT NULL, voice_file_id TEXT NULL, language TEXT NOT NULL,
            status TEXT NOT NULL, created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL, taken_by TEXT NULL,
            first_contact_at BIGINT NULL, reminded_at BIGINT NULL, escalated_at BIGINT NULL, phone_hash TEXT NULL,
            source TEXT NULL, campaign TEXT NULL, feedback_asked_at BIGINT NULL, rating INTEGER NULL, rated_at BIGINT NULL,
            feedback_comment TEXT NULL
        );
        CREATE INDEX IF NOT EXISTS leads_person ON leads (person_id, status);
        CREATE INDEX IF NOT EXISTS leads_point ON leads (point_id, status);
        CREATE INDEX IF NOT EXISTS leads_phone_hash ON leads (phone_hash);
        """;
}
