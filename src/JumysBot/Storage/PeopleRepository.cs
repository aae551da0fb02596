using JumysBot.Catalog;
using JumysBot.Conversations;
using JumysBot.Localization;
using JumysBot.Outreach;

namespace JumysBot.Storage;

public sealed class PeopleRepository
{
    private readonly StorageTransaction _tx;

    internal PeopleRepository(StorageTransaction tx) => _tx = tx;

    /// <summary>Plans <see cref="FindAsync"/> to go ahead with the transaction's next statement (on PostgreSQL).</summary>
    public void ReadAhead(long id) => _tx.ReadAhead(FindSql, ("@id", id));

    private const string FindSql =
        "SELECT language, role, disability_group, age_band, goal, is_active, consent_version, consent_at, source, campaign, subscribed_topics, subscribed_place FROM people WHERE id = @id";

    public async Task<Person?> FindAsync(long id, CancellationToken cancellationToken)
    {
        await using var command = _tx.Command(FindSql, ("@id", id));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return new Person(id)
        {
            Language = reader.IsDBNull(0) ? null : LanguageCodes.FromCode(reader.GetString(0)),
            Role = Read<PersonRole>(reader, 1, id),
            DisabilityGroup = Read<DisabilityGroup>(reader, 2, id),
            AgeBand = Read<AgeBand>(reader, 3, id),
            Goal = Read<Goal>(reader, 4, id),
            IsActive = reader.GetInt64(5) != 0,
            ConsentVersion = reader.IsDBNull(6) ? null : reader.GetInt32(6),
            ConsentAt = reader.IsDBNull(7) ? null : reader.GetInt64(7),
            Source = reader.IsDBNull(8) ? null : reader.GetString(8),
            Campaign = reader.IsDBNull(9) ? null : reader.GetString(9),
        }.WithPart(reader.IsDBNull(10) ? null : new Subscription(Subscription.ParseTopics(reader.GetString(10)), reader.IsDBNull(11) ? null : reader.GetString(11)));
    }

    public async Task SaveAsync(Person person, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(person);
        await using var command = _tx.Command(
            """
            INSERT INTO people (id, language, role, disability_group, age_band, goal, is_active, consent_version, consent_at, source, campaign,
                subscribed_topics, subscribed_place, created_at, updated_at)
            VALUES (@id, @language, @role, @group, @age, @goal, @active, @consent, @consentAt, @source, @campaign,
                @topics, @place, @now, @now)
            ON CONFLICT (id) DO UPDATE SET
                language = excluded.language, role = excluded.role, disability_group = excluded.disability_group,
                age_band = excluded.age_band, goal = excluded.goal, is_active = excluded.is_active,
                consent_version = excluded.consent_version, consent_at = excluded.consent_at,
                source = excluded.source, campaign = excluded.campaign,
                subscribed_topics = excluded.subscribed_topics, subscribed_place = excluded.subscribed_place, updated_at = excluded.updated_at
            """,
            ("@id", person.Id),
            ("@language", person.Language?.ToCode()),
            ("@role", Protect(person.Role, "role", person.Id)),
            ("@group", Protect(person.DisabilityGroup, "disability_group", person.Id)),
            ("@age", Protect(person.AgeBand, "age_band", person.Id)),
            ("@goal", Protect(person.Goal, "goal", person.Id)),
            ("@active", person.IsActive ? 1 : 0),
            ("@consent", person.ConsentVersion),
            ("@consentAt", person.ConsentAt),
            ("@source", person.Source),
            ("@campaign", person.Campaign),
            ("@topics", person.Part<Subscription>() is { } subscription ? Subscription.FormatTopics(subscription.Topics) : null),
            ("@place", person.Part<Subscription>()?.PlaceId),
            ("@now", _tx.Now));
        await _tx.WriteAsync(command, cancellationToken);
    }

    /// <summary>Who the person is, their group, age band and goal: encrypted with a key set, each bound to its column and person.</summary>
    private string? Protect<TEnum>(TEnum? value, string column, long id)
        where TEnum : struct, Enum =>
        _tx.Protector.Protect(value?.ToString(), new FieldPlace("people", column, id));

    private TEnum? Read<TEnum>(System.Data.Common.DbDataReader reader, int column, long id)
        where TEnum : struct, Enum =>
        !reader.IsDBNull(column)
            && Enum.TryParse<TEnum>(_tx.Protector.Unprotect(reader.GetString(column), new FieldPlace("people", reader.GetName(column), id)), out var value)
            ? value
            : null;

    public async Task DeleteAsync(long id, CancellationToken cancellationToken)
    {
        await using var command = _tx.Command("DELETE FROM people WHERE id = @id", ("@id", id));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Active people with a subscription, for an announcement's recipients.</summary>
    public async Task<IReadOnlyList<(long Id, Language Language, Subscription Subscription)>> SubscribersAsync(CancellationToken cancellationToken)
    {
        await using var command = _tx.Command(
            "SELECT id, language, subscribed_topics, subscribed_place FROM people WHERE is_active = 1 AND subscribed_topics IS NOT NULL ORDER BY id");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var subscribers = new List<(long, Language, Subscription)>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var language = reader.IsDBNull(1) ? Language.Russian : LanguageCodes.FromCode(reader.GetString(1)) ?? Language.Russian;
            subscribers.Add((reader.GetInt64(0), language, new Subscription(Subscription.ParseTopics(reader.GetString(2)), reader.IsDBNull(3) ? null : reader.GetString(3))));
        }

        return subscribers;
    }

    public async Task MarkInactiveAsync(long id, CancellationToken cancellationToken)
    {
        await using var command = _tx.Command(
            "UPDATE people SET is_active = 0, updated_at = @now WHERE id = @id", ("@id", id), ("@now", _tx.Now));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// People silent since <paramref name="before"/> keep only their language, their consent record and, if they still
    /// receive the bot, their subscription: who they are, their disability group, age band, goal and the link they came
    /// by are removed. Those who blocked the bot lose their subscription too.
    /// </summary>
    public async Task<int> AnonymiseSilentBeforeAsync(long before, CancellationToken cancellationToken)
    {
        await using var command = _tx.Command(
            """
            UPDATE people SET role = NULL, disability_group = NULL, age_band = NULL, goal = NULL, source = NULL, campaign = NULL,
                subscribed_topics = CASE WHEN is_active = 0 THEN NULL ELSE subscribed_topics END,
                subscribed_place = CASE WHEN is_active = 0 THEN NULL ELSE subscribed_place END
            WHERE updated_at < @before
                AND (role IS NOT NULL OR disability_group IS NOT NULL OR age_band IS NOT NULL OR goal IS NOT NULL OR source IS NOT NULL
                    OR campaign IS NOT NULL OR (is_active = 0 AND (subscribed_topics IS NOT NULL OR subscribed_place IS NOT NULL)))
            """,
            ("@before", before));
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
