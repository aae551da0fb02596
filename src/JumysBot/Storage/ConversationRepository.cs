using System.Text.Json;
using JumysBot.Conversations;
using JumysBot.Updates;

namespace JumysBot.Storage;

public sealed class ConversationRepository
{
    private readonly StorageTransaction _tx;

    internal ConversationRepository(StorageTransaction tx) => _tx = tx;

    /// <summary>Plans <see cref="FindAsync"/> to go ahead with the transaction's next statement (on PostgreSQL).</summary>
    public void ReadAhead(long chatId) => _tx.ReadAhead(FindSql, ("@chat", chatId));

    private const string FindSql = "SELECT step, data, screen FROM conversations WHERE chat_id = @chat";

    public async Task<ConversationState?> FindAsync(long chatId, CancellationToken cancellationToken)
    {
        await using var command = _tx.Command(FindSql, ("@chat", chatId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        var screen = reader.IsDBNull(2) ? null : JsonSerializer.Deserialize(_tx.Protector.Unprotect(reader.GetString(2), new FieldPlace("conversations", "screen", chatId))!, StorageJsonContext.Default.StoredScreen);
        return new ConversationState(reader.GetString(0), reader.IsDBNull(1) ? null : _tx.Protector.Unprotect(reader.GetString(1), new FieldPlace("conversations", "data", chatId)))
        {
            Choices = screen?.Choices ?? [],
            Prompt = screen?.Prompt,
        };
    }

    public async Task<int> DeleteIdleBeforeAsync(long before, CancellationToken cancellationToken)
    {
        await using var command = _tx.Command("DELETE FROM conversations WHERE updated_at < @before", ("@before", before));
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task DeleteAsync(long chatId, CancellationToken cancellationToken)
    {
        await using var command = _tx.Command("DELETE FROM conversations WHERE chat_id = @chat", ("@chat", chatId));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task SaveAsync(long chatId, ConversationState state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        await using var command = _tx.Command(
            """
            INSERT INTO conversations (chat_id, step, data, screen, updated_at) VALUES (@chat, @step, @data, @screen, @now)
            ON CONFLICT (chat_id) DO UPDATE SET step = excluded.step, data = excluded.data, screen = excluded.screen, updated_at = excluded.updated_at
            """,
            ("@chat", chatId),
            ("@step", state.Step),
            ("@data", _tx.Protector.Protect(state.Data, new FieldPlace("conversations", "data", chatId))),
            ("@screen", state.Prompt is null ? null : _tx.Protector.Protect(JsonSerializer.Serialize(new StoredScreen(state.Prompt, state.Choices), StorageJsonContext.Compact.StoredScreen), new FieldPlace("conversations", "screen", chatId))),
            ("@now", _tx.Now));
        await _tx.WriteAsync(command, cancellationToken);
    }
}

/// <summary>The last question and its buttons, kept with the conversation so a typed answer can be matched later.</summary>
internal sealed record StoredScreen(string Prompt, IReadOnlyList<Choice> Choices);
