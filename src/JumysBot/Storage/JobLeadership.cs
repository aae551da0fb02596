using System.Data.Common;
using Microsoft.Extensions.Logging;

namespace JumysBot.Storage;

/// <summary>
/// Scheduled jobs (reminders, retention, reports, inbox retry) run on one instance of the fleet. On a shared store
/// (PostgreSQL) the first instance to ask takes a session advisory lock per job on a connection it keeps open, and
/// runs that job for as long as it lives; the others skip their rounds. When the leader stops or loses its connection,
/// the server releases the lock and the next instance to ask takes over. Alone on SQLite, this instance leads.
/// </summary>
public sealed partial class JobLeadership(BotDatabase database, ILogger<JobLeadership> logger) : IAsyncDisposable
{
    /// <summary>The first key of the jobs' two-part advisory locks (the second is a hash of the job's name).</summary>
    private const int LockClass = PostgresEngine.LockClass + 1;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly HashSet<string> _held = new(StringComparer.Ordinal);
    private readonly LockConnection _connection = new(database);

    /// <returns>True when this instance runs <paramref name="job"/>.</returns>
    public async Task<bool> LeadsAsync(string job, CancellationToken cancellationToken)
    {
        if (!database.IsShared)
        {
            return true;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            var connection = await _connection.OpenAsync(setup: null, cancellationToken);
            // Also proves that a lock already held is still held: the connection that holds it still answers.
            await using var command = BotDatabase.Command(connection, null,
                _held.Contains(job) ? "SELECT TRUE" : "SELECT pg_try_advisory_lock(@class, hashtext(@job))", ("@class", LockClass), ("@job", job));
            var leads = await command.ExecuteScalarAsync(cancellationToken) is true;
            if (leads && _held.Add(job))
            {
                LogLeads(job);
            }

            return leads;
        }
        catch (DbException)
        {
            // The connection broke, and the server let go of whatever it held: start over at the next round.
            await DropConnectionAsync();
            throw;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task DropConnectionAsync(bool release = false)
    {
        _held.Clear();
        await _connection.DropAsync(release);
    }

    /// <summary>Closing the connection hands every job this instance led to the next instance that asks.</summary>
    public async ValueTask DisposeAsync()
    {
        await _gate.WaitAsync();
        try
        {
            await DropConnectionAsync(release: true);
        }
        finally
        {
            _gate.Release();
            _gate.Dispose();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "This instance runs the job {Job} for the fleet")]
    private partial void LogLeads(string job);
}
