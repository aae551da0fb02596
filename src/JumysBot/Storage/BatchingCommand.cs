using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;

namespace JumysBot.Storage;

/// <summary>
/// A PostgreSQL command of a <see cref="StorageTransaction"/> that first sends the writes the transaction holds back
/// (<see cref="StorageTransaction.WriteAsync"/>), so every statement sees them, as it would had they run at once.
/// </summary>
[SuppressMessage("Security", "CA2100", Justification = "The text is the inner command's, set by the repositories.")]
internal sealed class BatchingCommand(DbCommand inner, StorageTransaction transaction) : DbCommand
{
    internal DbCommand Inner => inner;

    [AllowNull]
    public override string CommandText { get => inner.CommandText; set => inner.CommandText = value; }

    public override int CommandTimeout { get => inner.CommandTimeout; set => inner.CommandTimeout = value; }

    public override CommandType CommandType { get => inner.CommandType; set => inner.CommandType = value; }

    public override UpdateRowSource UpdatedRowSource { get => inner.UpdatedRowSource; set => inner.UpdatedRowSource = value; }

    public override bool DesignTimeVisible { get => inner.DesignTimeVisible; set => inner.DesignTimeVisible = value; }

    protected override DbConnection? DbConnection { get => inner.Connection; set => inner.Connection = value; }

    protected override DbParameterCollection DbParameterCollection => inner.Parameters;

    protected override DbTransaction? DbTransaction { get => inner.Transaction; set => inner.Transaction = value; }

    public override void Cancel() => inner.Cancel();

    public override void Prepare() => inner.Prepare();

    protected override DbParameter CreateDbParameter() => inner.CreateParameter();

    // The bot's code is asynchronous throughout; a synchronous call must not find writes held back.
    public override int ExecuteNonQuery() => transaction.HasHeldWrites ? throw new InvalidOperationException("Writes are held back: execute asynchronously.") : inner.ExecuteNonQuery();

    public override object? ExecuteScalar() => transaction.HasHeldWrites ? throw new InvalidOperationException("Writes are held back: execute asynchronously.") : inner.ExecuteScalar();

    protected override DbDataReader ExecuteDbDataReader(CommandBehavior behavior) =>
        transaction.HasHeldWrites ? throw new InvalidOperationException("Writes are held back: execute asynchronously.") : inner.ExecuteReader(behavior);

    public override async Task<int> ExecuteNonQueryAsync(CancellationToken cancellationToken)
    {
        await transaction.FlushAsync(cancellationToken);
        return await inner.ExecuteNonQueryAsync(cancellationToken);
    }

    public override async Task<object?> ExecuteScalarAsync(CancellationToken cancellationToken)
    {
        await transaction.FlushAsync(cancellationToken);
        return await inner.ExecuteScalarAsync(cancellationToken);
    }

    protected override async Task<DbDataReader> ExecuteDbDataReaderAsync(CommandBehavior behavior, CancellationToken cancellationToken)
    {
        await transaction.FlushAsync(cancellationToken);
        return await inner.ExecuteReaderAsync(behavior, cancellationToken);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        await inner.DisposeAsync();
        await base.DisposeAsync();
    }
}
