using JumysBot.Conversations;
using JumysBot.Localization;

namespace JumysBot.Storage;

public sealed class PeopleRepository
{
    private readonly StorageTransaction _tx;

    internal PeopleRepository(StorageTransaction tx) => _tx = tx;

    public async Task<Person?> FindAsync(long id, CancellationToken cancellationToken)
    {
        await using var command = _tx.Command("SELECT language, role, is_active FROM people WHERE id = @id", ("@id", id));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return new Person(id)
        {
            Language = reader.IsDBNull(0) ? null : LanguageCodes.FromCode(reader.GetString(0)),
            Role = reader.IsDBNull(1) ? null : Enum.TryParse<PersonRole>(reader.GetString(1), out var role) ? role : null,
            IsActive = reader.GetInt64(2) != 0,
        };
    }

    public async Task SaveAsync(Person person, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(person);
        await using var command = _tx.Command(
            """
            INSERT INTO people (id, language, role, is_active, created_at, updated_at)
            VALUES (@id, @language, @role, @active, @now, @now)
            ON CONFLICT (id) DO UPDATE SET
                language = excluded.language, role = excluded.role, is_active = excluded.is_active, updated_at = excluded.updated_at
            """,
            ("@id", person.Id),
            ("@language", person.Language?.ToCode()),
            ("@role", person.Role?.ToString()),
            ("@active", person.IsActive ? 1 : 0),
            ("@now", _tx.Now));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task MarkInactiveAsync(long id, CancellationToken cancellationToken)
    {
        await using var command = _tx.Command(
            "UPDATE people SET is_active = 0, updated_at = @now WHERE id = @id", ("@id", id), ("@now", _tx.Now));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
