using JumysBot.Conversations;

namespace JumysBot.Storage;

public sealed class ConversationRepository
{
    private readonly StorageTransaction _tx;

    internal ConversationRepository(StorageTransaction tx) => _tx = tx;

    public async Task<ConversationState?> FindAsync(long chatId, CancellationToken cancellationToken)
    {
        await using var command = _tx.Command("SELECT step, data FROM conversations WHERE chat_id = @chat", ("@chat", chatId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new ConversationState(reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1))
            : null;
    }

    public async Task SaveAsync(long chatId, ConversationState state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        await using var command = _tx.Command(
            """
            INSERT INTO conversations (chat_id, step, data, updated_at) VALUES (@chat, @step, @data, @now)
            ON CONFLICT (chat_id) DO UPDATE SET step = excluded.step, data = excluded.data, updated_at = excluded.updated_at
            """,
            ("@chat", chatId), ("@step", state.Step), ("@data", state.Data), ("@now", _tx.Now));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
