using System.Data.Common;

namespace JumysBot.Storage;

/// <summary>
/// A PostgreSQL connection of its own, kept open to hold session advisory locks: the server lets go of them the moment
/// the connection ends, which is what tells the other instances. Its owner serialises the calls.
/// </summary>
internal sealed class LockConnection(BotDatabase database)
{
    private DbConnection? _connection;

    /// <summary>The open connection, or null before the first use and after <see cref="DropAsync"/>.</summary>
    public DbConnection? Current => _connection;

    /// <summary>The open connection, opening one (and running <paramref name="setup"/> on it) when there is none.</summary>
    public async Task<DbConnection> OpenAsync(string? setup, CancellationToken cancellationToken)
    {
        if (_connection is { } open)
        {
            return open;
        }

        var connection = await database.OpenAsync(cancellationToken);
        try
        {
            if (setup is not null)
            {
                await using var command = BotDatabase.Command(connection, null, setup);
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }

        return _connection = connection;
    }

    /// <param name="release">
    /// True at a stop: the locks are let go first, since the connection goes back to the pool, where they would outlive
    /// their holder. False after a fault: a broken connection is not pooled, and the server lets go when it notices.
    /// </param>
    public async Task DropAsync(bool release)
    {
        if (_connection is not { } connection)
        {
            return;
        }

        _connection = null;
        try
        {
            if (release)
            {
                await using var unlock = BotDatabase.Command(connection, null, "SELECT pg_advisory_unlock_all()");
                await unlock.ExecuteNonQueryAsync();
            }
        }
        catch (DbException)
        {
            // Broken meanwhile: the server lets go of its locks when it notices.
        }
        finally
        {
            await connection.DisposeAsync();
        }
    }
}
