using System.Data.Common;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;

namespace JumysBot.Storage;

/// <summary>
/// This instance's number in the fleet, and the proof that it lives. On a shared store (PostgreSQL) the instance holds a
/// session advisory lock on its number on a connection of its own; the server drops the lock the moment that connection
/// ends (the process killed, the machine gone once the server's keepalive notices), so another instance sees at once
/// that the updates received and the messages claimed under that number have nobody left to finish them. Alone on
/// SQLite there is no number.
/// </summary>
public sealed partial class InstanceLiveness(BotDatabase database, ILogger<InstanceLiveness> logger) : IAsyncDisposable
{
    /// <summary>The first key of the instances' two-part advisory locks (the second is the instance's number).</summary>
    internal const int LockClass = PostgresEngine.LockClass + 2;

    // The server notices a vanished client within about ten seconds instead of the kernel's two hours.
    private const string Keepalive = "SET tcp_keepalives_idle = 5; SET tcp_keepalives_interval = 2; SET tcp_keepalives_count = 3; SET tcp_user_timeout = 10000";

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly LockConnection _connection = new(database);
    private volatile int _id;

    /// <summary>The number this instance writes into what it takes; null on SQLite or before <see cref="EnsureAsync"/>.</summary>
    public int? Id => _id == 0 ? null : _id;

    /// <summary>This instance's number, registering it the first time; null on SQLite.</summary>
    public ValueTask<int?> IdAsync(CancellationToken cancellationToken) =>
        _id != 0 || !database.IsShared ? ValueTask.FromResult(Id) : new ValueTask<int?>(EnsureAsync(cancellationToken));

    /// <summary>
    /// Registers the instance (the first time) or proves the lock is still held; after a lost connection it registers
    /// again under a new number, since the old one's claims may already be another instance's.
    /// </summary>
    /// <returns>This instance's number, or null on SQLite.</returns>
    public async Task<int?> EnsureAsync(CancellationToken cancellationToken)
    {
        if (!database.IsShared)
        {
            return null;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_connection.Current is { } held)
            {
                try
                {
                    await using var ping = BotDatabase.Command(held, null, "SELECT 1");
                    await ping.ExecuteScalarAsync(cancellationToken);
                    return _id;
                }
                catch (DbException)
                {
                    LogLost(_id);
                    await DropAsync(release: false);
                }
            }

            var connection = await _connection.OpenAsync(Keepalive, cancellationToken);
            try
            {
                while (true)
                {
                    var id = RandomNumberGenerator.GetInt32(1, int.MaxValue);
                    await using var take = BotDatabase.Command(connection, null, "SELECT pg_try_advisory_lock(@class, @id)", ("@class", LockClass), ("@id", id));
                    if (await take.ExecuteScalarAsync(cancellationToken) is true)
                    {
                        _id = id;
                        LogRegistered(id);
                        return id;
                    }
                }
            }
            catch
            {
                await _connection.DropAsync(release: false);
                throw;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// The SQL condition that an instance number (<paramref name="column"/>) belongs to no live instance: its lock is not
    /// held in this database. One look at the server's lock table, whatever the number of rows.
    /// </summary>
    internal static string IsDead(string column) =>
        $"""
        {column} NOT IN (SELECT objid::bigint FROM pg_locks WHERE locktype = 'advisory' AND granted AND objsubid = 2
            AND classid = {LockClass} AND database = (SELECT oid FROM pg_database WHERE datname = current_database()))
        """;

    private async Task DropAsync(bool release)
    {
        _id = 0;
        await _connection.DropAsync(release);
    }

    /// <summary>At a stop: whatever this instance still holds passes to the others at once.</summary>
    public async ValueTask DisposeAsync()
    {
        await _gate.WaitAsync();
        try
        {
            await DropAsync(release: true);
        }
        finally
        {
            _gate.Release();
            _gate.Dispose();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "This instance is number {Id} in the fleet")]
    private partial void LogRegistered(int id);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Instance number {Id} lost its connection; what it claimed may pass to others, and it registers again")]
    private partial void LogLost(int id);
}
