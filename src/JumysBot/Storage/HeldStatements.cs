using System.Data.Common;
using Npgsql;

namespace JumysBot.Storage;

/// <summary>
/// What a PostgreSQL transaction holds back to send with its next statement, in the same round trip: writes whose
/// outcome nobody reads (an upsert, an insert without RETURNING, a savepoint), and reads planned ahead of the update
/// that needs them. A read's rows are kept and answer the same read again until the transaction writes anything.
/// </summary>
internal sealed class HeldStatements(NpgsqlConnection connection, NpgsqlTransaction transaction)
{
    private readonly List<NpgsqlBatchCommand> _writes = [];
    private readonly List<(string Key, NpgsqlBatchCommand Read)> _reads = [];
    private readonly Dictionary<string, AnsweredRows> _answers = new(StringComparer.Ordinal);

    public bool IsEmpty => _writes.Count == 0 && _reads.Count == 0;

    /// <summary>True while <paramref name="write"/> is held, not yet sent.</summary>
    public bool Holds(NpgsqlBatchCommand write) => _writes.Contains(write);

    public void HoldWrite(NpgsqlBatchCommand write)
    {
        _writes.Add(write);
        // A read after this write must see it.
        _answers.Clear();
    }

    /// <summary>Plans <paramref name="read"/> (a SELECT) to go with the next statement; its rows then answer the same read.</summary>
    public void PlanRead(NpgsqlCommand read)
    {
        var key = KeyOf(read);
        if (!_answers.ContainsKey(key) && !_reads.Exists(r => r.Key == key))
        {
            _reads.Add((key, Copy(read)));
        }
    }

    /// <summary>The rows an earlier round trip read for the same statement and values, or null.</summary>
    public DbDataReader? Answer(NpgsqlCommand command) =>
        _answers.Count > 0 && _answers.TryGetValue(KeyOf(command), out var rows) ? rows.Open() : null;

    /// <summary>Called before <paramref name="command"/> runs on its own: a write makes the kept rows stale.</summary>
    public void Before(NpgsqlCommand command)
    {
        if (!IsRead(command.CommandText))
        {
            _answers.Clear();
        }
    }

    /// <summary>Forgets everything held and kept: the transaction rolls back to before them.</summary>
    public void Clear()
    {
        _writes.Clear();
        _reads.Clear();
        _answers.Clear();
    }

    /// <summary>
    /// Sends what is held, then <paramref name="command"/> if any, in one batch. The planned reads' rows are kept; the
    /// reader returned stands at <paramref name="command"/>'s rows (the caller disposes it, then the batch).
    /// </summary>
    public async Task<(NpgsqlBatch Batch, NpgsqlDataReader Reader)> SendAsync(NpgsqlCommand? command, CancellationToken cancellationToken)
    {
        var batch = new NpgsqlBatch(connection, transaction);
        foreach (var write in _writes)
        {
            batch.BatchCommands.Add(write);
        }

        var reads = _reads.ToArray();
        foreach (var (_, read) in reads)
        {
            batch.BatchCommands.Add(read);
        }

        // The reads run before the command: should it write, their rows are stale once it has run.
        var keep = command is null || IsRead(command.CommandText);
        if (command is not null)
        {
            Before(command);
            batch.BatchCommands.Add(Copy(command));
        }

        _writes.Clear();
        _reads.Clear();
        NpgsqlDataReader? reader = null;
        try
        {
            reader = await batch.ExecuteReaderAsync(cancellationToken);
            foreach (var (key, _) in reads)
            {
                await SkipWritesAsync(reader, cancellationToken);
                var rows = await AnsweredRows.ReadAsync(reader, cancellationToken);
                if (keep)
                {
                    _answers[key] = rows;
                }

                await reader.NextResultAsync(cancellationToken);
            }

            if (command is not null)
            {
                await SkipWritesAsync(reader, cancellationToken);
            }

            return (batch, reader);
        }
        catch
        {
            if (reader is not null)
            {
                await reader.DisposeAsync();
            }

            await batch.DisposeAsync();
            throw;
        }
    }

    // Statements without rows (the held writes) have no columns; a read has its columns even when it found no row.
    private static async Task SkipWritesAsync(NpgsqlDataReader reader, CancellationToken cancellationToken)
    {
        while (reader.FieldCount == 0 && await reader.NextResultAsync(cancellationToken))
        {
        }
    }

    private static bool IsRead(string sql) => sql.AsSpan().TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase);

    private static string KeyOf(NpgsqlCommand command)
    {
        var key = new System.Text.StringBuilder(command.CommandText);
        foreach (NpgsqlParameter parameter in command.Parameters)
        {
            key.Append('\u0001').Append(parameter.ParameterName).Append('=').Append(parameter.Value is DBNull or null ? "\u0002" : Convert.ToString(parameter.Value, System.Globalization.CultureInfo.InvariantCulture));
        }

        return key.ToString();
    }

    public static NpgsqlBatchCommand Copy(NpgsqlCommand command)
    {
        var copy = new NpgsqlBatchCommand(command.CommandText);
        foreach (NpgsqlParameter parameter in command.Parameters)
        {
            copy.Parameters.Add(new NpgsqlParameter(parameter.ParameterName, parameter.Value));
        }

        return copy;
    }
}
