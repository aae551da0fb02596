using JumysBot.Catalog;
using JumysBot.Content;
using JumysBot.Leads;
using Microsoft.Extensions.Options;
using JumysBot.Storage;
using Microsoft.Extensions.Hosting;

namespace JumysBot.Hosting;

/// <summary>Runs first at start: the content must load and the database must be migrated before any update is read.</summary>
public sealed class StorageStartup(BotDatabase database, ContentStore content, IOptions<List<ConsultantBinding>> consultants) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // Resolving the store loaded and checked the content; a broken file has already stopped the start.
        _ = content.Current;
        await database.MigrateAsync(cancellationToken);
        await using var tx = await database.BeginAsync(cancellationToken);
        // Each binding names a known point (ConsultantBindingsValidation checked it before the start). The configuration
        // seeds bindings; what administrators and Telegram decided since stays decided.
        await tx.Consultants.SeedAsync([.. consultants.Value.Select(b => (b.ChatId, b.PointId))], cancellationToken);
        await tx.CommitAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
