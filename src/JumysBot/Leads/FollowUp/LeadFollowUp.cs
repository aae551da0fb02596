using JumysBot.Catalog;
using JumysBot.Content;
using JumysBot.Conversations;
using JumysBot.Hosting;
using JumysBot.Leads.Consultants;
using JumysBot.Storage;
using JumysBot.Updates;
using Microsoft.Extensions.Options;

namespace JumysBot.Leads.FollowUp;

/// <summary>
/// A request nobody has taken reminds its point after a few working hours, then goes to the administrators.
/// Each lead is reminded once and escalated once; the marks are written with the messages, in one transaction.
/// </summary>
public sealed class LeadFollowUp(
    BotDatabase database,
    ContentStore content,
    IOptions<LeadOptions> options,
    IOptions<BotOptions> botOptions,
    TimeProvider time,
    OutboxSignal signal)
{
    private readonly TimeZoneInfo _zone = TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone);

    /// <returns>How many reminders and escalations were written.</returns>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var texts = content.Current.Texts;
        var written = 0;
        await using var tx = await database.BeginAsync(cancellationToken);
        foreach (var escalation in new[] { false, true })
        {
            var limit = TimeSpan.FromHours(escalation ? options.Value.EscalateAfterWorkingHours : options.Value.RemindAfterWorkingHours);
            foreach (var lead in await tx.Leads.UntakenAsync(escalation, cancellationToken))
            {
                if (WorkingHours.Between(DateTimeOffset.FromUnixTimeMilliseconds(lead.CreatedAt), now, _zone) < limit)
                {
                    continue;
                }

                var chats = escalation ? botOptions.Value.AdminIds : await tx.Consultants.ChatsOfAsync(lead.PointId, cancellationToken);
                foreach (var chat in chats.Count > 0 ? chats : botOptions.Value.AdminIds)
                {
                    // Each chat in its own language: a consultants' chat may have chosen Kazakh.
                    var language = await tx.Consultants.LanguageOfAsync(chat, cancellationToken);
                    var point = content.Current.Points.FindPoint(lead.PointId)?.Name.In(language) ?? lead.PointId;
                    var text = texts.Get(language, escalation ? "consultant.escalation" : "consultant.reminder", ("number", lead.Number), ("point", point));
                    await tx.Outbox.AddAsync(new OutgoingMessage { ChatId = chat, Text = text, Priority = MessagePriority.Reminder }, cancellationToken);
                    if (escalation)
                    {
                        await tx.Outbox.AddAsync(LeadCard.Render(lead, chat, content.Current, options.Value.MinimalCards, language: language) with { Priority = MessagePriority.Reminder }, cancellationToken);
                    }
                }

                await tx.Leads.MarkFollowedUpAsync(lead.Number, escalation, cancellationToken);
                written++;
            }
        }

        await tx.CommitAsync(cancellationToken);
        if (written > 0)
        {
            signal.Notify();
        }

        return written;
    }
}
