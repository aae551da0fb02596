using System.Security.Cryptography;
using JumysBot.Catalog;
using JumysBot.Conversations;
using JumysBot.Leads;
using JumysBot.Storage;
using JumysBot.Tests.Storage.Stores;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace JumysBot.Tests.Storage;

/// <summary>Encrypted fields on each store: bound to their row and column, and what was stored before still read.</summary>
public abstract class BoundEncryptionTests(TestStore store)
{
    private static readonly CancellationToken _none = CancellationToken.None;
    private static readonly string _key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    private static Lead NewLead(long personId, string phone) => new()
    {
        PersonId = personId, PointId = "jumystap-temirtau", Language = "ru",
        Draft = new LeadDraft
        {
            Kind = LeadKind.Grant, Name = "Айгүл", Phone = phone, ContactMethod = ContactMethod.Call, PlaceId = "temirtau",
            Latitude = 50.05, Longitude = 72.96, DisabilityGroup = DisabilityGroup.Second,
        },
    };

    private async Task<BotDatabase> OpenAsync(StorageOptions? location = null, string? key = null)
    {
        location ??= await store.NewLocationAsync();
        location.EncryptionKey = key;
        return await TestStore.OpenAsync(location);
    }

    [StoreFact]
    public async Task A_ciphertext_copied_to_another_row_or_column_reads_as_empty_and_nothing_else_breaks()
    {
        using var database = await OpenAsync(key: _key);
        long first, second;
        await using (var tx = await database.BeginAsync(_none))
        {
            first = await tx.Leads.AddAsync(NewLead(5, "+77011111111"), "person", _none);
            second = await tx.Leads.AddAsync(NewLead(6, "+77022222222"), "person", _none);
            await tx.People.SaveAsync(new Person(5) { Role = PersonRole.PersonWithDisability, DisabilityGroup = DisabilityGroup.Second, Goal = Goal.Job }, _none);
            await using var copyRow = tx.Command("UPDATE leads SET phone = (SELECT phone FROM leads WHERE id = @first) WHERE id = @second", ("@first", first), ("@second", second));
            await copyRow.ExecuteNonQueryAsync(_none);
            await using var copyColumn = tx.Command("UPDATE people SET disability_group = role WHERE id = 5");
            await copyColumn.ExecuteNonQueryAsync(_none);
            await tx.CommitAsync(_none);
        }

        await using (var tx = await database.BeginReadAsync(_none))
        {
            var moved = await tx.Leads.FindAsync(second, _none);
            Assert.Equal((null, "Айгүл", 50.05), (moved!.Draft.Phone, moved.Draft.Name, moved.Draft.Latitude));
            Assert.Equal("+77011111111", (await tx.Leads.FindAsync(first, _none))!.Draft.Phone);
            var person = await tx.People.FindAsync(5, _none);
            Assert.Equal((PersonRole.PersonWithDisability, (DisabilityGroup?)null, Goal.Job), (person!.Role, person.DisabilityGroup, person.Goal));
        }
    }

    [StoreFact]
    public async Task Plain_values_stored_before_a_key_was_set_are_read_and_encrypted_when_next_written()
    {
        var location = await store.NewLocationAsync();
        using (var plain = await OpenAsync(location))
        await using (var tx = await plain.BeginAsync(_none))
        {
            await tx.People.SaveAsync(new Person(7) { Role = PersonRole.Other, AgeBand = AgeBand.From50 }, _none);
            await tx.CommitAsync(_none);
        }

        using var database = await OpenAsync(location, _key);
        await using (var tx = await database.BeginAsync(_none))
        {
            var person = await tx.People.FindAsync(7, _none);
            Assert.Equal((PersonRole.Other, AgeBand.From50), (person!.Role, person.AgeBand));
            await tx.People.SaveAsync(person with { Goal = Goal.Support }, _none);
            await tx.CommitAsync(_none);
        }

        await using (var tx = await database.BeginReadAsync(_none))
        {
            await using var raw = tx.Command("SELECT role || ' ' || age_band || ' ' || goal FROM people WHERE id = 7");
            var stored = (string)(await raw.ExecuteScalarAsync(_none))!;
            Assert.Equal(3, stored.Split(' ').Count(v => v.StartsWith("enc2:", StringComparison.Ordinal)));
            var person = await tx.People.FindAsync(7, _none);
            Assert.Equal((PersonRole.Other, AgeBand.From50, Goal.Support), (person!.Role, person.AgeBand, person.Goal));
        }
    }

    [StoreFact]
    public async Task Coordinates_stored_as_numbers_before_migration_9_are_read_after_it_and_requests_get_the_consent_given_before_them()
    {
        var location = await store.NewLocationAsync();
        if (store.Provider == StorageProvider.Sqlite)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(location.Path)!);
        }

        using (var unmigrated = new BotDatabase(Options.Create(location), TimeProvider.System, NullLogger<BotDatabase>.Instance))
        await using (var connection = await unmigrated.OpenAsync(_none))
        {
            var migrations = store.Provider == StorageProvider.Postgres ? PostgresMigrations.All : Migrations.All;
            var sql = "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL);\n"
                + string.Join('\n', migrations.Where(m => m.Version <= 8).Select(m => m.Sql + $"\nINSERT INTO schema_migrations (version, applied_at) VALUES ({m.Version}, 0);"))
                + """

                INSERT INTO leads (person_id, kind, contact_method, point_id, language, status, created_at, updated_at, latitude, longitude, phone)
                VALUES (5, 'Grant', 'Call', 'jumystap-temirtau', 'ru', 'New', 0, 0, 49.80731, 73.08912, '+77011234567');
                INSERT INTO leads (person_id, kind, contact_method, point_id, language, status, created_at, updated_at)
                VALUES (6, 'Grant', 'Call', 'jumystap-temirtau', 'ru', 'New', 0, 0);
                INSERT INTO people (id, consent_version, consent_at, created_at, updated_at) VALUES (5, 3, 0, 0, 0), (6, 4, 1, 0, 0);
                """;
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            await command.ExecuteNonQueryAsync(_none);
        }

        using var database = await OpenAsync(location, _key);
        await using var tx = await database.BeginReadAsync(_none);
        var leads = await tx.Leads.ForPointAsync("jumystap-temirtau", 0, 1, _none);
        Assert.Equal([(49.80731, 73.08912, "+77011234567"), (null, null, null)], leads.Select(l => ((double?, double?, string?))(l.Draft.Latitude, l.Draft.Longitude, l.Draft.Phone)));
        // Person 6 consented (again) after the request: that consent is not the one the request was made under.
        Assert.Equal([(3, 0L), (null, null)], leads.Select(l => (l.ConsentVersion, l.ConsentAt)));
    }
}

public sealed class BoundEncryptionOnSqliteTests(SqliteTestStore store) : BoundEncryptionTests(store), IClassFixture<SqliteTestStore>;

public sealed class BoundEncryptionOnPostgresTests(PostgresTestStore store) : BoundEncryptionTests(store), IClassFixture<PostgresTestStore>;
