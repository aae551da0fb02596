using JumysBot.Storage;

namespace JumysBot.Conversations;

/// <summary>Adds a feature's part to the person's profile before their turn (the conversation itself reads nothing).</summary>
public interface IProfileLoader
{
    ValueTask<Person> LoadAsync(StorageTransaction store, Person person, CancellationToken cancellationToken);

    /// <summary>Plans what <see cref="LoadAsync"/> reads (see <see cref="Updates.IUpdateHandler.PlanReads"/>).</summary>
    void PlanReads(StorageTransaction store, long personId)
    {
    }
}
