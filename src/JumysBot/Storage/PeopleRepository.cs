using JumysBot.Catalog;
using JumysBot.Conversations;
using JumysBot.Localization;

namespace JumysBot.Storage;

public sealed class PeopleRepository
{
    private readonly StorageTransaction _tx;

    internal PeopleRepository(StorageTransaction tx) => _tx = tx;

    public async Task<Person?> FindAsync(long id, CancellationToken cancellationToken)
    {
        await using var command = _tx.Command(
            "SELECT language, role, disability_group, age_band, goal, is_active, consent_version, consent_at FROM people WHERE id = @id", ("@id", id));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return new Person(id)
        {
            Language = reader.IsDBNull(0) ? null : LanguageCodes.FromCode(reader.GetString(0)),
            Role = Read<PersonRole>(reader, 1),
            DisabilityGroup = Read<DisabilityGroup>(reader, 2),
            AgeBand = Read<AgeBand>(reader, 3),
            Goal = Read<Goal>(reader, 4),
            IsActive = reader.GetInt64(5) != 0,
            ConsentVersion = reader.IsDBNull(6) ? null : reader.GetInt32(6),
            ConsentAt = reader.IsDBNull(7) ? null : reader.GetInt64(7),
        };
    }

    public async Task SaveAsync(Person person, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(person);
        await using var command = _tx.Command(
            """
            INSERT INTO people (id, language, role, disability_group, age_band, goal, is_active, consent_version, consent_at, created_at, updated_at)
            VALUES (@id, @language, @role, @group, @age, @goal, @active, @consent, @consentAt, @now, @now)
            ON CONFLICT (id) DO UPDATE SET
                language = excluded.language, role = excluded.role, disability_group = excluded.disability_group,
                age_band = excluded.age_band, goal = excluded.goal, is_active = excluded.is_active,
                consent_version = excluded.consent_version, consent_at = excluded.consent_at, updated_at = excluded.updated_at
            """,
            ("@id", person.Id),
            ("@language", person.Language?.ToCode()),
            ("@role", person.Role?.ToString()),
            ("@group", person.DisabilityGroup?.ToString()),
            ("@age", person.AgeBand?.ToString()),
            ("@goal", person.Goal?.ToString()),
            ("@active", person.IsActive ? 1 : 0),
            ("@consent", person.ConsentVersion),
            ("@consentAt", person.ConsentAt),
            ("@now", _tx.Now));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static TEnum? Read<TEnum>(System.Data.Common.DbDataReader reader, int column)
        where TEnum : struct, Enum =>
        !reader.IsDBNull(column) && Enum.TryParse<TEnum>(reader.GetString(column), out var value) ? value : null;

    public async Task DeleteAsync(long id, CancellationToken cancellationToken)
    {
        await using var command = _tx.Command("DELETE FROM people WHERE id = @id", ("@id", id));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task MarkInactiveAsync(long id, CancellationToken cancellationToken)
    {
        await using var command = _tx.Command(
            "UPDATE people SET is_active = 0, updated_at = @now WHERE id = @id", ("@id", id), ("@now", _tx.Now));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
