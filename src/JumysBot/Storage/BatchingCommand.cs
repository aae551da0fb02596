using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using Npgsql;

namespace JumysBot.Storage;

/// <summary>
/// A PostgreSQL command of a <see cref="StorageTransaction"/> that sends what the transaction holds back
/// (<see cref="HeldStatements"/>) in its own round trip, so every statement sees the held writes as it would had they run at
/// once; a read planned ahead is answered from the rows it brought.
/// </summary>
[SuppressMessage("Security", "CA2100", Justification = "The text is the inner command's, set by the repositories.")]
internal sealed class BatchingCommand(NpgsqlCommand inner, HeldStatements held) : DbCommand
{
    private NpgsqlBatch? _batch;

    internal NpgsqlCommand Inner => inner;
    [AllowNull]
    public override string CommandText { get => inner.CommandText; set => inner.CommandText = value; }

    public override int CommandTimeout { get => inner.CommandTimeout; set => inner.CommandTimeout = value; }

    public override CommandType CommandType { get => inner.CommandType; set => inner.CommandType = value; }

    public override UpdateRowSource UpdatedRowSource { get => inner.UpdatedRowSource; set => inner.UpdatedRowSource = value; }

    public override bool DesignTimeVisible { get => inner.DesignTimeVisible; set => inner.DesignTimeVisible = value; }

    protected override DbConnection? DbConnection { get => inner.Connection; set => inner.Connection = (NpgsqlConnection?)value; }

    protected override DbParameterCollection DbParameterCollection => inner.Parameters;

    protected override DbTransaction? DbTransaction { get => inner.Transaction; set => inner.Transaction = (NpgsqlTransaction?)value; }

    public override void Cancel() => inner.Cancel();

    public override void Prepare() => inner.Prepare();

    protected override DbParameter CreateDbParameter() => inner.CreateParameter();

    // The bot's code is asynchronous throughout; a synchronous call must not find statements held back.
    public override int ExecuteNonQuery() => held.IsEmpty ? inner.ExecuteNonQuery() : throw HeldBack();

    public override object? ExecuteScalar() => held.IsEmpty ? inner.ExecuteScalar() : throw HeldBack();

    protected override DbDataReader ExecuteDbDataReader(CommandBehavior behavior) => held.IsEmpty ? inner.ExecuteReader(behavior) : throw HeldBack();

    public override async Task<int> ExecuteNonQueryAsync(CancellationToken cancellationToken)
    {
        if (held.IsEmpty)
        {
            held.Before(inner);
            return await inner.ExecuteNonQueryAsync(cancellationToken);
        }

        var reader = await SendAsync(cancellationToken);
        await reader.DisposeAsync();
        return _batch!.BatchCommands[^1].RecordsAffected;
    }

    public override async Task<object?> ExecuteScalarAsync(CancellationToken cancellationToken)
    {
        if (held.IsEmpty)
        {
            held.Before(inner);
            return await inner.ExecuteScalarAsync(cancellationToken);
        }

        await using var reader = await SendAsync(cancellationToken);
        return reader.FieldCount > 0 && await reader.ReadAsync(cancellationToken) ? reader.GetValue(0) : null;
    }

    protected override async Task<DbDataReader> ExecuteDbDataReaderAsync(CommandBehavior behavior, CancellationToken cancellationToken)
    {
        if (held.Answer(inner) is { } answered)
        {
            return answered;
        }

        if (held.IsEmpty)
        {
            held.Before(inner);
            return await inner.ExecuteReaderAsync(behavior, cancellationToken);
        }

        return await SendAsync(cancellationToken);
    }

    private async Task<NpgsqlDataReader> SendAsync(CancellationToken cancellationToken)
    {
        (_batch, var reader) = await held.SendAsync(inner, cancellationToken);
        return reader;
    }

    private static InvalidOperationException HeldBack() => new("Statements are held back: execute asynchronously.");

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
            _batch?.Dispose();
        }

        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        await inner.DisposeAsync();
        if (_batch is not null)
        {
            await _batch.DisposeAsync();
        }

        await base.DisposeAsync();
    }
}
