using JumysBot.Conversations;
using JumysBot.Storage;

namespace JumysBot.Leads;

/// <summary>The person's requests, newest first, loaded with the profile: an open one is shown instead of a duplicate.</summary>
public sealed record PersonRequests(IReadOnlyList<Lead> All);

public static class PersonRequestsExtensions
{
    /// <summary>The person's requests, as loaded for this turn (none when not loaded).</summary>
    public static IReadOnlyList<Lead> Requests(this Person person) => person?.Part<PersonRequests>()?.All ?? [];
}

/// <summary>Loads the person's requests into their profile before each turn.</summary>
public sealed class PersonRequestsLoader : IProfileLoader
{
    public async ValueTask<Person> LoadAsync(StorageTransaction store, Person person, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(person);
        return person.WithPart(new PersonRequests(await store.Leads.ForPersonAsync(person.Id, cancellationToken)));
    }

    public void PlanReads(StorageTransaction store, long personId)
    {
        ArgumentNullException.ThrowIfNull(store);
        store.Leads.ReadAheadForPerson(personId);
    }
}
