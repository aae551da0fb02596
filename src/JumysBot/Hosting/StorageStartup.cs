using JumysBot.Catalog;
using JumysBot.Storage;
using Microsoft.Extensions.Hosting;

namespace JumysBot.Hosting;

/// <summary>Runs first at start: the content must load and the database must be migrated before any update is read.</summary>
public sealed class StorageStartup(BotDatabase database, ContentStore content) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        // Resolving the store loaded and checked the content; a broken file has already stopped the start.
        _ = content.Current;
        return database.MigrateAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
