using System.Text.Json;
using JumysBot.Catalog;
using JumysBot.Content;
using JumysBot.Conversations;
using JumysBot.Hosting;
using JumysBot.Localization;
using JumysBot.Storage;
using JumysBot.Updates;
using Microsoft.Extensions.Options;
using Stateless;

namespace JumysBot.Outreach;

/// <summary>
/// An administrator writes an announcement in both languages (<c>/announce</c>), chooses its topics and places, sees
/// it as people will, and confirms. Then one outbox row per subscriber is written in the same transaction: the
/// lowest priority, so replies and lead cards always go first, and each row is sent at most once.
/// </summary>
public sealed partial class AnnouncementDesk(ContentStore content, Money money, IOptions<BotOptions> options) : IUpdateHandler
{
    /// <summary>An announcement and its footer must fit Telegram's 4096 characters.</summary>
    public const int MaxLength = 3500;

    private const string StepPrefix = "announce.";

    private static readonly StepNames<State> _steps = new(
        State.Elsewhere, (RussianStep, State.Russian), (KazakhStep, State.Kazakh), (TopicsStep, State.Topics), (PlacesStep, State.Places), (PreviewStep, State.Preview));

    private enum State
    {
        /// <summary>Any step of an administrator's chat: /announce and «cancel» work from all of them.</summary>
        Anywhere,
        Elsewhere,
        Russian,
        Kazakh,
        Topics,
        Places,
        Preview,
        Cancelled,
        Launched,
    }

    private enum Trigger
    {
        Announce,
        Cancel,
        Text,
        ToggleTopic,
        TogglePlace,
        Next,
        Send,
        Unclear,
    }
    private const string RussianStep = "announce.ru";
    private const string KazakhStep = "announce.kk";
    private const string TopicsStep = "announce.topics";
    private const string PlacesStep = "announce.places";
    private const string PreviewStep = "announce.preview";
    private const string TopicPrefix = "ann:t:";
    private const string PlacePrefix = "ann:p:";
    private const string Next = "ann:next";
    private const string Send = "ann:send";
    private const string Cancel = "ann:cancel";

    public int Order => HandlerOrder.Staff + 10;

    public async ValueTask<HandlerResult?> HandleAsync(UpdateContext update, CancellationToken cancellationToken) =>
        update?.Input is { } input && await TryHandleAsync(update.Store, input, cancellationToken) ? HandlerResult.Handled : null;

    /// <returns>False when the input is not part of writing an announcement.</returns>
    public async Task<bool> TryHandleAsync(StorageTransaction tx, Incoming input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tx);
        ArgumentNullException.ThrowIfNull(input);
        if (!input.IsPrivateChat || !options.Value.AdminIds.Contains(input.UserId))
        {
            return false;
        }

        var command = ParsedCommand.Parse(input.Text);
        var isAnnounce = command.Is("announce");
        var state = await tx.Conversations.FindAsync(input.ChatId, cancellationToken) ?? ConversationState.Fresh;
        var writing = state.Step.StartsWith(StepPrefix, StringComparison.Ordinal);
        if (!isAnnounce && (!writing || (command.Name is not null && !command.Is(CoreCommands.Cancel))))
        {
            // Any other command leaves the announcement and goes to the conversation as usual.
            return false;
        }

        var person = await tx.People.FindAsync(input.UserId, cancellationToken) ?? new Person(input.UserId);
        // An administrator reads these screens in their own language (Russian until they choose).
        var context = new ConversationContext(input, person with { Language = person.Language ?? Language.Russian }, state, content.Current, money);
        var flow = new Flow(this, tx, context, isAnnounce ? new AnnouncementDraft() : Read(state.Data), cancellationToken);
        await flow.HandleAsync(isAnnounce, command.Is(CoreCommands.Cancel));
        await tx.Conversations.SaveAsync(input.ChatId, context.State, cancellationToken);
        foreach (var message in context.Messages)
        {
            await tx.Outbox.AddAsync(message, cancellationToken);
        }

        return true;
    }

    private async Task PreviewAsync(StorageTransaction tx, ConversationContext context, AnnouncementDraft draft, CancellationToken cancellationToken)
    {
        var count = (await RecipientsAsync(tx, draft, cancellationToken)).Count;
        context.Say("announce.preview_title");
        foreach (var language in (Language[])[Language.Russian, Language.Kazakh])
        {
            context.SayText(Message(context.Input.ChatId, draft, language, 0).Text);
        }

        context.Ask(PreviewStep, context.Text("announce.preview_question", ("count", count), ("topics", TopicsText(context, draft)), ("places", PlacesText(context, draft))),
            [new(Send, context.Text("announce.send")), new(Cancel, context.Text("announce.cancel"))], Write(draft));
    }

    private async Task LaunchAsync(StorageTransaction tx, ConversationContext context, AnnouncementDraft draft, CancellationToken cancellationToken)
    {
        var recipients = await RecipientsAsync(tx, draft, cancellationToken);
        if (recipients.Count == 0)
        {
            context.Say("announce.nobody");
            MenuScreen.Show(context);
            return;
        }

        var id = await tx.Announcements.AddAsync(draft, context.Input.ChatId, recipients.Count, cancellationToken);
        foreach (var (personId, language) in recipients)
        {
            await tx.Outbox.AddAsync(Message(personId, draft, language, id), cancellationToken);
        }

        context.Say("announce.started", ("number", id), ("count", recipients.Count));
        MenuScreen.Show(context);
    }

    private static async Task<IReadOnlyList<(long Id, Language Language)>> RecipientsAsync(StorageTransaction tx, AnnouncementDraft draft, CancellationToken cancellationToken) =>
        [.. (await tx.People.SubscribersAsync(cancellationToken)).Where(s => s.Subscription.Wants(draft.Topics, draft.Places)).Select(s => (s.Id, s.Language))];

    /// <summary>The copy one person gets: the text in their language, why they get it, and a button to stop.</summary>
    private OutgoingMessage Message(long chatId, AnnouncementDraft draft, Language language, long announcementId)
    {
        var texts = content.Current.Texts;
        return new OutgoingMessage
        {
            ChatId = chatId,
            Text = $"{(language == Language.Kazakh ? draft.TextKk : draft.TextRu)}\n\n{texts.Get(language, "subscription.footer")}",
            Buttons = [[new Choice(SubscriptionScreen.Off, texts.Get(language, "subscription.unsubscribe"))]],
            Priority = MessagePriority.Announcement,
            AnnouncementId = announcementId == 0 ? null : announcementId,
        };
    }

    private static void AskText(ConversationContext context, string step, AnnouncementDraft draft) =>
        context.Ask(step, context.Text(step == RussianStep ? "announce.ask_ru" : "announce.ask_kk", ("max", MaxLength)),
            [new(Cancel, context.Text("announce.cancel"))], Write(draft));

    private static void AskTopics(ConversationContext context, AnnouncementDraft draft) =>
        context.Ask(TopicsStep, context.Text("announce.topics"),
            [
                .. Subscription.AllTopics.Select(t => new Choice(TopicPrefix + t, context.Text(
                    draft.Topics.Contains(t) ? "subscription.topic_on" : "subscription.topic_off", ("topic", SubscriptionScreen.TopicText(context, t))))),
                new(Next, context.Text("subscription.next")),
                new(Cancel, context.Text("announce.cancel")),
            ], Write(draft));

    private static void AskPlaces(ConversationContext context, AnnouncementDraft draft) =>
        context.Ask(PlacesStep, context.Text("announce.places"),
            [
                .. context.Content.Points.Places.Select(p => new Choice(PlacePrefix + p.Id, context.Text(
                    draft.Places.Contains(p.Id) ? "subscription.topic_on" : "subscription.topic_off", ("topic", context.Text(p.Name))))),
                new(Next, context.Text("subscription.next")),
                new(Cancel, context.Text("announce.cancel")),
            ], Write(draft));

    private static string TopicsText(ConversationContext context, AnnouncementDraft draft) =>
        string.Join(", ", draft.Topics.Select(t => SubscriptionScreen.TopicText(context, t)));

    private static string PlacesText(ConversationContext context, AnnouncementDraft draft) =>
        draft.Places.Count == 0
            ? context.Text("subscription.whole_region")
            : string.Join(", ", draft.Places.Select(id => context.Content.Points.FindPlace(id) is { } p ? context.Text(p.Name) : id));

    /// <summary>A pressed button of the current screen, or one typed as its number or label.</summary>
    private static string? Pressed(ConversationContext context) =>
        context.Input.ButtonId is { } id
            ? context.State.Choices.Any(c => c.Id == id) ? id : null
            : ChoiceMatcher.Match(context.Input.Text, context.State.Choices)?.Id;

    private static IReadOnlyList<T> Toggle<T>(IReadOnlyList<T> items, T item) => items.Contains(item) ? [.. items.Where(i => !Equals(i, item))] : [.. items, item];

    private static string Write(AnnouncementDraft draft) => JsonSerializer.Serialize(draft, OutreachJsonContext.Default.AnnouncementDraft);

    private static AnnouncementDraft Read(string? data)
    {
        try
        {
            return data is null ? new AnnouncementDraft() : JsonSerializer.Deserialize(data, OutreachJsonContext.Default.AnnouncementDraft) ?? new AnnouncementDraft();
        }
        catch (JsonException)
        {
            return new AnnouncementDraft();
        }
    }
}
