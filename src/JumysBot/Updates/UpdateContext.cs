using JumysBot.Localization;
using JumysBot.Storage;
using Telegram.Bot.Types;

namespace JumysBot.Updates;

/// <summary>One update on its way through the handlers, with the transaction its changes are written in.</summary>
public sealed class UpdateContext(Update update, Incoming? input, Language language, TextCatalog texts, StorageTransaction store)
{
    public Update Update { get; } = update;

    /// <summary>What the person or consultant did, when the update is a message or a button press.</summary>
    public Incoming? Input { get; } = input;

    /// <summary>Decided once, before any handler runs: the language the person chose, else their Telegram app's, else Russian.</summary>
    public Language Language { get; } = language;

    /// <summary>The texts in force for this update (an operator's edit applies from the next one).</summary>
    public TextCatalog Texts { get; } = texts;

    public StorageTransaction Store { get; } = store;

    /// <summary>Set when personal data was removed: the store compacts its log once the transaction commits.</summary>
    public bool CompactAfterCommit { get; set; }
}
