using JumysBot.Storage;

namespace JumysBot.Conversations;

/// <summary>Adds a feature's part to the person's profile before their turn (the conversation itself reads nothing).</summary>
public interface IProfileLoader
{
    ValueTask<Person> LoadAsync(StorageTransaction store, Person person, CancellationToken cancellationToken);
}
