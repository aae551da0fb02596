using System.Diagnostics;
using JumysBot.Catalog;
using System.Data.Common;
using JumysBot.Leads;
using JumysBot.Localization;
using JumysBot.Storage;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Microsoft.Extensions.Logging;

namespace JumysBot.Conversations;

/// <summary>
/// Handles one stored update: answers a pressed button at once, runs the conversation, and commits the new state,
/// the outgoing messages and the handled inbox row in one transaction. A failing handler costs the person
/// one apology, never the loop.
/// </summary>
public sealed partial class UpdateProcessor(
    BotDatabase database,
    GroupCommit groupCommit,
    IConversationHandler conversation,
    IMessageChannel channel,
    OutboxSignal outboxSignal,
    ContentStore content,
    LeadDesk leadDesk,
    ConsultantDesk consultantDesk,
    Outreach.AnnouncementDesk announcementDesk,
    LeadFeedbackDesk feedbackDesk,
    Privacy.PersonEraser eraser,
    FloodGate floodGate,
    StorageFaultNotice storageFault,
    ILogger<UpdateProcessor> logger,
    Telegram.BotMetrics? metrics = null)
{
    public async Task ProcessAsync(Update update, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(update);
        if (database.IsShared)
        {
            // Several instances: an earlier update of this chat may have reached another instance and still wait
            // there. It goes first, so each chat's updates are handled in order whichever instance received them.
            foreach (var earlier in await EarlierOfSameChatAsync(update, cancellationToken))
            {
                await ProcessOneAsync(earlier, cancellationToken);
            }
        }

        await ProcessOneAsync(update, cancellationToken);
    }

    private async Task<IReadOnlyList<Update>> EarlierOfSameChatAsync(Update update, CancellationToken cancellationToken)
    {
        if (IncomingMapper.ChatIdOf(update) is not { } chatId)
        {
            return [];
        }

        try
        {
            await using var read = await database.BeginReadAsync(cancellationToken);
            // One that cannot be read is set aside by the next replay; it never holds up the chat.
            return [.. (await read.Inbox.PendingBeforeAsync(chatId, update.Id, cancellationToken))
                .Select(p => Telegram.UpdateReader.Read(p.UpdateId, p.Payload).Update)
                .OfType<Update>()];
        }
        catch (DbException) when (!cancellationToken.IsCancellationRequested)
        {
            // The store fails: handling this update will meet the same fault and apologise; the inbox keeps the rest.
            return [];
        }
    }

    private async Task ProcessOneAsync(Update update, CancellationToken cancellationToken)
    {
        if (update.CallbackQuery is { } query)
        {
            await AcknowledgeAsync(query.Id, cancellationToken);
        }

        var input = IncomingMapper.FromUpdate(update);
        // Groups too: a consultants' chat repeating /leads would otherwise fill the outbox as fast as anyone types.
        if (input is not null && floodGate.Check(input.ChatId) is var verdict && verdict != FloodGate.Verdict.Allow)
        {
            await HoldBackAsync(update.Id, input, notify: verdict == FloodGate.Verdict.Notify, cancellationToken);
            outboxSignal.Notify();
            return;
        }

        var successesBefore = storageFault.Successes;
        var ownFaults = 0;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await HandleAsync(update, input, cancellationToken);
                break;
            }
            catch (DbException e) when (!cancellationToken.IsCancellationRequested)
            {
                // The store itself fails (locked, read-only, disk full, the server gone): say sorry straight away and try again soon.
                // The chat's later updates wait behind this one, so they keep their order; other chats go on.
                LogStoreFailed(StoreError.CodeOf(e), update.Id);
                if (attempt == 1)
                {
                    await storageFault.ApologiseAsync(input, cancellationToken);
                }

                // While the store takes other updates, the fault is this update's own: after a few tries it is set aside,
                // so its chat goes on. While the store takes nothing (an outage), the update waits, however long.
                if (storageFault.Successes > successesBefore && ++ownFaults >= MaxOwnStoreFaults)
                {
                    await SetAsideAsync(update.Id, cancellationToken);
                    break;
                }

                await Task.Delay(TimeSpan.FromSeconds(Math.Min(attempt, 3)), cancellationToken);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                LogHandlerFailed(e, update.Id);
                await ApologiseAsync(update.Id, input, cancellationToken);
                break;
            }
        }

        outboxSignal.Notify();
    }

    private async Task HandleAsync(Update update, Incoming? input, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var erased = false;
        await groupCommit.RunAsync(async tx => erased = await WriteTurnAsync(tx, update, input, cancellationToken), IncomingMapper.ChatIdOf(update), cancellationToken);
        storageFault.StoreWorks();
        if (erased)
        {
            await database.CheckpointAsync(cancellationToken);
        }

        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        metrics?.UpdatesHandled.Add(1);
        metrics?.HandlerDuration.Record(elapsed);
        if (logger.IsEnabled(LogLevel.Debug))
        {
            LogHandled(update.Id, update.Type, elapsed);
        }
    }

    /// <summary>Everything one update changes, in the transaction it shares with others; true when the person was erased.</summary>
    private async Task<bool> WriteTurnAsync(StorageTransaction tx, Update update, Incoming? input, CancellationToken cancellationToken)
    {
        var erased = false;
        if (!await tx.Inbox.TakeTurnAsync(update.Id, IncomingMapper.ChatIdOf(update), cancellationToken))
        {
            // Handled already: by another instance, or before this replay.
            return false;
        }

        if (input is not null && (await consultantDesk.TryHandleAsync(tx, input, cancellationToken) || await announcementDesk.TryHandleAsync(tx, input, cancellationToken)))
        {
            // A consultant's or an administrator's action; the person-facing conversation is not involved.
        }
        else if (input is not null)
        {
            var person = await tx.People.FindAsync(input.UserId, cancellationToken) ?? new Person(input.UserId);
            person = person with { IsActive = true, Leads = await tx.Leads.ForPersonAsync(input.UserId, cancellationToken) };
            var state = await tx.Conversations.FindAsync(input.ChatId, cancellationToken) ?? ConversationState.Fresh;
            var turn = await conversation.HandleAsync(input, person, state, cancellationToken);
            if (turn.Forget)
            {
                foreach (var edit in await eraser.EraseAsync(tx, input.UserId, input.ChatId, cancellationToken))
                {
                    await tx.Outbox.AddAsync(edit, cancellationToken);
                }

                erased = true;
            }
            else if (input.IsPrivateChat)
            {
                await tx.People.SaveAsync(turn.Person, cancellationToken);
                await tx.Conversations.SaveAsync(input.ChatId, turn.State, cancellationToken);
            }

            List<OutgoingMessage> messages = [];
            if (turn.NewLead is { } lead)
            {
                messages.AddRange(await leadDesk.RegisterAsync(tx, input.ChatId, turn.Person, lead, cancellationToken));
            }

            if (turn.FeedbackChanges.Count > 0)
            {
                messages.AddRange(await feedbackDesk.ApplyAsync(tx, input.UserId, turn.FeedbackChanges, cancellationToken));
            }

            messages.AddRange(turn.Messages);
            foreach (var message in OneMessagePerStep.Merge(messages, input.ChatId))
            {
                await tx.Outbox.AddAsync(message, cancellationToken);
            }

            foreach (var (name, kind) in turn.FunnelEvents)
            {
                await tx.Leads.AddFunnelEventAsync(name, kind, cancellationToken);
            }

            if (turn.Arrival is { } arrival)
            {
                await tx.Leads.AddArrivalAsync(arrival.Source, arrival.Campaign, cancellationToken);
            }
        }
        else if (update.MyChatMember is { Chat.Type: ChatType.Private, NewChatMember.Status: ChatMemberStatus.Kicked } blocked)
        {
            // The person blocked the bot: keep quiet from now on.
            await tx.People.MarkInactiveAsync(blocked.Chat.Id, cancellationToken);
            await tx.Outbox.DropPendingForChatAsync(blocked.Chat.Id, "blocked by the person", cancellationToken);
        }

        await tx.Inbox.MarkHandledAsync(update.Id, cancellationToken);
        return erased;
    }

    /// <summary>A flooding chat gets one notice; its updates are marked handled and not answered until the pause ends.</summary>
    private async Task HoldBackAsync(long updateId, Incoming input, bool notify, CancellationToken cancellationToken)
    {
        await using var tx = await database.BeginAsync(cancellationToken);
        if (notify)
        {
            LogFlood(input.ChatId);
            var person = await tx.People.FindAsync(input.UserId, cancellationToken);
            var language = person?.Language ?? LanguageCodes.FromTelegram(input.LanguageCode) ?? Language.Russian;
            await tx.Outbox.AddAsync(new OutgoingMessage { ChatId = input.ChatId, Text = content.Current.Texts.Get(language, "input.flood") }, cancellationToken);
        }

        await tx.Inbox.MarkHandledAsync(updateId, cancellationToken);
        await tx.CommitAsync(cancellationToken);
    }

    /// <summary>How many times an update may fail in a store that takes other updates before it is set aside.</summary>
    private const int MaxOwnStoreFaults = 3;

    private async Task SetAsideAsync(long updateId, CancellationToken cancellationToken)
    {
        LogSetAside(updateId);
        try
        {
            await using var tx = await database.BeginAsync(cancellationToken);
            await tx.Inbox.SetAsideAsync(updateId, cancellationToken);
            await tx.CommitAsync(cancellationToken);
        }
        catch (DbException) when (!cancellationToken.IsCancellationRequested)
        {
            // Not even that could be written: the update stays in the inbox and is tried again at the next start.
        }
    }

    private async Task ApologiseAsync(long updateId, Incoming? input, CancellationToken cancellationToken)
    {
        try
        {
            await using var tx = await database.BeginAsync(cancellationToken);
            if (input is { IsPrivateChat: true })
            {
                var person = await tx.People.FindAsync(input.UserId, cancellationToken);
                var language = person?.Language ?? LanguageCodes.FromTelegram(input.LanguageCode) ?? Language.Russian;
                await tx.Outbox.AddAsync(new OutgoingMessage { ChatId = input.ChatId, Text = content.Current.Texts.Get(language, "error.apology") }, cancellationToken);
            }

            // Marked handled so a poisonous update is not replayed forever.
            await tx.Inbox.MarkHandledAsync(updateId, cancellationToken);
            await tx.CommitAsync(cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            // The store itself is failing: the update stays in the inbox and is replayed after a restart.
            LogApologyFailed(e, updateId);
        }
    }

    private async Task AcknowledgeAsync(string callbackQueryId, CancellationToken cancellationToken)
    {
        try
        {
            await channel.AcknowledgeButtonAsync(callbackQueryId, cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            // A late or failed answer only leaves a spinner on the button; the press itself is still handled.
            LogAcknowledgeFailed(e.GetType().Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Handled update {UpdateId} ({UpdateType}) in {ElapsedMs:F2} ms")]
    private partial void LogHandled(long updateId, UpdateType updateType, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Chat {ChatId} sends too fast; its updates are held back for a while")]
    private partial void LogFlood(long chatId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Update {UpdateId} kept failing in a store that takes other updates; it is set aside and its chat goes on")]
    private partial void LogSetAside(long updateId);

    [LoggerMessage(Level = LogLevel.Error, Message = "The store failed ({Code}) on update {UpdateId}; trying it again shortly")]
    private partial void LogStoreFailed(string code, long updateId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Handling update {UpdateId} failed; the person gets an apology")]
    private partial void LogHandlerFailed(Exception exception, long updateId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not store the apology for update {UpdateId}; it stays in the inbox")]
    private partial void LogApologyFailed(Exception exception, long updateId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Answering a button press failed: {Error}")]
    private partial void LogAcknowledgeFailed(string error);
}
