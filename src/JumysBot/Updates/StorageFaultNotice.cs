using System.Collections.Concurrent;
using JumysBot.Localization;
using Microsoft.Extensions.Logging;

namespace JumysBot.Updates;

/// <summary>
/// While the store fails (locked, read-only, disk full) nothing can go through the outbox, so each person who writes
/// gets one short apology sent directly; the set clears as soon as a write succeeds again.
/// </summary>
public sealed partial class StorageFaultNotice(IMessageChannel channel, ITextSource texts, ILogger<StorageFaultNotice> logger)
{
    private readonly ConcurrentDictionary<long, byte> _apologised = new();

    public async Task ApologiseAsync(Incoming? input, CancellationToken cancellationToken)
    {
        if (input is not { IsPrivateChat: true } || !_apologised.TryAdd(input.ChatId, 0))
        {
            return;
        }

        try
        {
            var language = LanguageCodes.FromTelegram(input.LanguageCode) ?? Language.Russian;
            await channel.SendAsync(new OutgoingMessage { ChatId = input.ChatId, Text = texts.Texts.Get(language, "error.storage") }, cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            // Telegram may fail too; the update itself is kept either way.
            LogApologyNotSent(e.GetType().Name);
        }
    }

    private long _successes;

    /// <summary>How many updates the store has taken so far: a fault that recurs while this grows is the update's own.</summary>
    public long Successes => Interlocked.Read(ref _successes);

    /// <summary>The store works again: a later fault earns each person a new apology.</summary>
    public void StoreWorks()
    {
        Interlocked.Increment(ref _successes);
        if (!_apologised.IsEmpty)
        {
            _apologised.Clear();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The storage-fault apology could not be sent: {Error}")]
    private partial void LogApologyNotSent(string error);
}
