using JumysBot.Localization;
using JumysBot.Storage;
using Microsoft.Extensions.Hosting;

namespace JumysBot.Hosting;

/// <summary>Runs first at start: the content must load and the database must be migrated before any update is read.</summary>
public sealed class StorageStartup(BotDatabase database, TextCatalog texts) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        // Resolving the catalog loaded and validated the strings; a broken file has already stopped the start.
        _ = texts.Keys;
        return database.MigrateAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
