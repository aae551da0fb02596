using System.Globalization;
using JumysBot.Catalog;
using JumysBot.Content;
using JumysBot.Conversations;
using JumysBot.Hosting;
using JumysBot.Leads.FollowUp;
using JumysBot.Leads.Reports;
using JumysBot.Localization;
using JumysBot.Storage;
using JumysBot.Telegram;
using JumysBot.Updates;
using Microsoft.Extensions.Options;

namespace JumysBot.Leads.Consultants;

/// <summary>
/// The consultants' and administrators' side: lead card buttons, <c>/leads</c>, <c>/export</c>, <c>/consultant</c>
/// requests and their approval, <c>/consultants</c>, <c>/poster</c> and <c>/stats</c>. Every press and command is checked
/// here, on the server: only a chat bound to the lead's point (or an administrator) can change a lead or see its data.
/// </summary>
public sealed partial class ConsultantDesk(
    ContentStore content,
    IOptions<LeadOptions> leadOptions,
    IOptions<BotOptions> botOptions,
    LeadReports reports,
    LeadFeedbackDesk feedback) : IUpdateHandler
{
    private const string AdminPrefix = "a:";

    /// <summary>A consultants' chat choosing its language: <c>cl:kk</c> or <c>cl:ru</c>.</summary>
    private const string LanguagePrefix = "cl:";

    public int Order => HandlerOrder.Staff;

    /// <summary>Consultants' card buttons and commands, and the administrators' binding decisions; they write their own changes.</summary>
    public async ValueTask<HandlerResult?> HandleAsync(UpdateContext update, CancellationToken cancellationToken) =>
        update?.Input is { } input && await TryHandleAsync(update.Store, input, cancellationToken) ? HandlerResult.Handled : null;

    /// <returns>False when the input is not for this desk and goes to the person-facing conversation.</returns>
    public async Task<bool> TryHandleAsync(StorageTransaction tx, Incoming input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tx);
        ArgumentNullException.ThrowIfNull(input);
        var command = ParsedCommand.Parse(input.Text);
        var replies = new List<OutgoingMessage>();
        var handled = true;
        if (input.ButtonId?.StartsWith(LeadCard.Prefix, StringComparison.Ordinal) == true)
        {
            await PressCardButtonAsync(tx, input, replies, cancellationToken);
        }
        else if (input.ButtonId?.StartsWith(AdminPrefix, StringComparison.Ordinal) == true)
        {
            await PressAdminButtonAsync(tx, input, replies, cancellationToken);
        }
        else if (input.ButtonId?.StartsWith(LanguagePrefix, StringComparison.Ordinal) == true && !input.IsPrivateChat)
        {
            await ChooseLanguageAsync(tx, input, replies, cancellationToken);
        }
        else if (command.Is("language") && !input.IsPrivateChat)
        {
            await AskLanguageAsync(tx, input, replies, cancellationToken);
        }
        else if (command.Is("leads"))
        {
            await ListLeadsAsync(tx, input, replies, cancellationToken);
        }
        else if (command.Is("export"))
        {
            await ExportAsync(tx, input, command.Argument, replies, cancellationToken);
        }
        else if (command.Is("consultant"))
        {
            await (await JoinRequest.LoadAsync(this, tx, input, input.ChatId, replies, cancellationToken)).RequestAsync();
        }
        else if (command.Is("consultants") && IsAdmin(input.UserId))
        {
            await ListBindingsAsync(tx, input, replies, cancellationToken);
        }
        else if (command.Is("stats") && IsAdmin(input.UserId))
        {
            replies.Add(Say(input.ChatId, await reports.StatsAsync(tx, cancellationToken)));
            await tx.Audit.AddAsync(input.UserId, input.ChatId, "stats", pointId: null, cancellationToken);
        }
        else
        {
            // In a group chat nothing else is for the bot; in a private chat it is the person-facing conversation.
            handled = !input.IsPrivateChat;
        }

        foreach (var reply in replies)
        {
            await tx.Outbox.AddAsync(reply, cancellationToken);
        }

        return handled;
    }

    /// <summary>Sends a new lead's card (and the person's voice message) to every chat of its point, or to the administrators.</summary>
    public async Task<IReadOnlyList<OutgoingMessage>> CardsForNewLeadAsync(StorageTransaction tx, Lead lead, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tx);
        ArgumentNullException.ThrowIfNull(lead);
        var chats = await tx.Consultants.ChatsOfAsync(lead.PointId, cancellationToken);
        var fallback = chats.Count == 0;
        var current = content.Current;
        var messages = new List<OutgoingMessage>();
        foreach (var chat in fallback ? botOptions.Value.AdminIds : chats)
        {
            var language = await tx.Consultants.LanguageOfAsync(chat, cancellationToken);
            if (fallback)
            {
                var point = current.Points.FindPoint(lead.PointId)?.Name.In(language) ?? lead.PointId;
                messages.Add(Say(chat, T(language, "consultant.no_chat_for_point", ("point", point)), MessagePriority.Notification));
            }

            messages.Add(LeadCard.Render(lead, chat, current, leadOptions.Value.MinimalCards, language: language));
            if (lead.Draft.VoiceFileId is { } voice && !leadOptions.Value.MinimalCards)
            {
                messages.Add(new OutgoingMessage
                {
                    ChatId = chat,
                    Text = T(language, "card.voice_caption", ("number", lead.Number)),
                    VoiceFileId = voice,
                    VoiceOfLead = lead.Number,
                    Protected = true,
                    Priority = MessagePriority.Notification,
                });
            }
        }

        return messages;
    }

    private async Task PressCardButtonAsync(StorageTransaction tx, Incoming input, List<OutgoingMessage> replies, CancellationToken cancellationToken)
    {
        var here = await tx.Consultants.LanguageOfAsync(input.ChatId, cancellationToken);
        var parts = input.ButtonId!.Split(':');
        var lead = parts.Length == 3 && long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? await tx.Leads.FindAsync(number, cancellationToken)
            : null;
        if (lead is null || LeadCard.Target(parts[1]) is null)
        {
            replies.Add(Say(input.ChatId, T(here, "consultant.refused")));
            return;
        }

        var boundPoint = await tx.Consultants.PointOfAsync(input.ChatId, cancellationToken);
        if (boundPoint != lead.PointId && !IsAdmin(input.UserId))
        {
            replies.Add(Say(input.ChatId, T(here, "consultant.refused")));
            return;
        }

        if (!LeadCard.Actions(lead.Status).Contains(parts[1]))
        {
            // Someone else moved it first: show the card as it is now.
            replies.Add(Say(input.ChatId, T(here, "consultant.already_changed", ("number", lead.Number))));
        }

        replies.AddRange(await ApplyCardActionAsync(tx, lead, parts[1], input.FirstName, cancellationToken));
    }

    /// <summary>
    /// A step from the card (<see cref="LeadCard.Actions"/>) by a consultant whose access was already checked, from a
    /// card button or from the desk page: the status and its history change, the person hears what the step means for
    /// them, and every copy of the card is edited. A step the status no longer offers changes nothing and only
    /// refreshes the cards.
    /// </summary>
    public async Task<IReadOnlyList<OutgoingMessage>> ApplyCardActionAsync(
        StorageTransaction tx, Lead lead, string action, string? actorFirstName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tx);
        ArgumentNullException.ThrowIfNull(lead);
        var replies = new List<OutgoingMessage>();
        if (LeadCard.Actions(lead.Status).Contains(action) && LeadCard.Target(action) is { } target)
        {
            var actor = string.IsNullOrWhiteSpace(actorFirstName) ? T("consultant.someone") : actorFirstName.Trim();
            await tx.Leads.ChangeStatusAsync(lead.Number, target, actor, cancellationToken);
            lead = lead with { Status = target, TakenBy = actor };
            if (target == LeadStatus.InProgress && action == "take")
            {
                var language = LanguageCodes.FromCode(lead.Language) ?? Language.Russian;
                replies.Add(new OutgoingMessage { ChatId = lead.PersonId, Text = content.Current.Texts.Get(language, "lead.taken", ("number", lead.Number)) });
            }

            // Done: the person is asked once to rate the help. Could not reach: the person is asked to check the number.
            replies.AddRange(await feedback.OnStatusChangedAsync(tx, lead, cancellationToken));
        }

        foreach (var (chat, messageId) in await tx.Leads.CardsAsync(lead.Number, cancellationToken))
        {
            replies.Add(LeadCard.Render(lead, chat, content.Current, leadOptions.Value.MinimalCards, messageId, await tx.Consultants.LanguageOfAsync(chat, cancellationToken)));
        }

        return replies;
    }

    /// <summary>/language in a consultants' chat: the two languages, each named in itself.</summary>
    private async Task AskLanguageAsync(StorageTransaction tx, Incoming input, List<OutgoingMessage> replies, CancellationToken cancellationToken)
    {
        var here = await tx.Consultants.LanguageOfAsync(input.ChatId, cancellationToken);
        if (await tx.Consultants.PointOfAsync(input.ChatId, cancellationToken) is null)
        {
            replies.Add(Say(input.ChatId, T(here, "consultant.not_bound")));
            return;
        }

        var texts = content.Current.Texts;
        replies.Add(Say(input.ChatId, texts.Get(here, "language.question")) with
        {
            Buttons =
            [
                [new Choice(LanguagePrefix + "kk", texts.Get(Language.Kazakh, "language.name.kk"))],
                [new Choice(LanguagePrefix + "ru", texts.Get(Language.Russian, "language.name.ru"))],
            ],
        });
    }

    /// <summary>The chat's cards, reminders and notes are in this language from now on; cards already sent change at their next edit.</summary>
    private async Task ChooseLanguageAsync(StorageTransaction tx, Incoming input, List<OutgoingMessage> replies, CancellationToken cancellationToken)
    {
        var chosen = LanguageCodes.FromCode(input.ButtonId![LanguagePrefix.Length..]);
        if (chosen is not { } language || !await tx.Consultants.SetLanguageAsync(input.ChatId, language, cancellationToken))
        {
            var here = await tx.Consultants.LanguageOfAsync(input.ChatId, cancellationToken);
            replies.Add(Say(input.ChatId, T(here, chosen is null ? "consultant.refused" : "consultant.not_bound")));
            return;
        }

        replies.Add(Say(input.ChatId, T(language, "consultant.language_changed")));
    }

    private async Task ListLeadsAsync(StorageTransaction tx, Incoming input, List<OutgoingMessage> replies, CancellationToken cancellationToken)
    {
        var here = await tx.Consultants.LanguageOfAsync(input.ChatId, cancellationToken);
        if (await tx.Consultants.PointOfAsync(input.ChatId, cancellationToken) is not { } point)
        {
            replies.Add(Say(input.ChatId, T(here, "consultant.not_bound")));
            return;
        }

        var open = await tx.Leads.OpenForPointAsync(point, cancellationToken);
        if (open.Count == 0)
        {
            replies.Add(Say(input.ChatId, T(here, "consultant.no_open_leads")));
            return;
        }

        replies.Add(Say(input.ChatId, T(here, "consultant.open_leads", ("count", open.Count))));
        replies.AddRange(open.Select(lead => LeadCard.Render(lead, input.ChatId, content.Current, leadOptions.Value.MinimalCards, language: here) with { Priority = MessagePriority.Reply }));
    }

    private async Task ExportAsync(StorageTransaction tx, Incoming input, string argument, List<OutgoingMessage> replies, CancellationToken cancellationToken)
    {
        var here = await tx.Consultants.LanguageOfAsync(input.ChatId, cancellationToken);
        if (await tx.Consultants.PointOfAsync(input.ChatId, cancellationToken) is not { } point)
        {
            replies.Add(Say(input.ChatId, T(here, "consultant.not_bound")));
            return;
        }

        var days = int.TryParse(argument, NumberStyles.None, CultureInfo.InvariantCulture, out var asked) && asked is > 0 and <= 366 ? asked : 30;
        var to = tx.Now + 1;
        var from = to - (days * 24L * 3600 * 1000);
        var leads = await tx.Leads.ForPointAsync(point, from, to, cancellationToken);
        await tx.Audit.AddAsync(input.UserId, input.ChatId, $"export {days}d", point, cancellationToken);
        replies.Add(new OutgoingMessage
        {
            ChatId = input.ChatId,
            Text = T(here, "consultant.export_caption", ("count", leads.Count), ("days", days)),
            Document = new DocumentFile($"leads-{point}-{days}d.csv", LeadCsv.Write(leads, content.Current, leadOptions.Value, here)),
            Protected = true,
        });
    }

    private async Task ListBindingsAsync(StorageTransaction tx, Incoming input, List<OutgoingMessage> replies, CancellationToken cancellationToken)
    {
        var bindings = await tx.Consultants.ListAsync(cancellationToken);
        if (bindings.Count == 0)
        {
            replies.Add(Say(input.ChatId, T("consultant.none_bound")));
            return;
        }

        replies.Add(new OutgoingMessage
        {
            ChatId = input.ChatId,
            Text = T("consultant.bindings_title") + "\n" + string.Join('\n', bindings.Select(b => $"{PointName(b.PointId)}: {b.Title ?? b.ChatId.ToString(CultureInfo.InvariantCulture)} ({b.Source})")),
            Buttons = [.. bindings.Select(b => (IReadOnlyList<Choice>)[new Choice($"{AdminPrefix}revoke:{b.ChatId}", T("consultant.revoke", ("title", b.Title ?? b.ChatId.ToString(CultureInfo.InvariantCulture))))])],
        });
    }

    private async Task PressAdminButtonAsync(StorageTransaction tx, Incoming input, List<OutgoingMessage> replies, CancellationToken cancellationToken)
    {
        var parts = input.ButtonId!.Split(':');
        if (!IsAdmin(input.UserId) || parts.Length < 3 || !long.TryParse(parts[2], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var chat))
        {
            replies.Add(Say(input.ChatId, T("consultant.refused")));
            return;
        }

        var request = await JoinRequest.LoadAsync(this, tx, input, chat, replies, cancellationToken);
        var decided = parts[1] switch
        {
            "ok" when parts.Length == 4 => await request.ApproveAsync(parts[3]),
            "no" => await request.DeclineAsync(),
            "revoke" => await request.RevokeAsync(),
            _ => false,
        };
        if (!decided)
        {
            replies.Add(Say(input.ChatId, T("consultant.refused")));
        }
    }

    private bool IsAdmin(long userId) => botOptions.Value.AdminIds.Contains(userId);

    private string PointName(string pointId) => content.Current.Points.FindPoint(pointId)?.Name.In(LeadCard.ConsultantLanguage) ?? pointId;

    private string T(string key, params ReadOnlySpan<(string, object?)> arguments) => content.Current.Texts.Get(LeadCard.ConsultantLanguage, key, arguments);

    private string T(Language language, string key, params ReadOnlySpan<(string, object?)> arguments) => content.Current.Texts.Get(language, key, arguments);

    private static OutgoingMessage Say(long chatId, string text, MessagePriority priority = MessagePriority.Reply) =>
        new() { ChatId = chatId, Text = text, Priority = priority };
}
