using JumysBot.Catalog;
using JumysBot.Content;
using JumysBot.Conversations;
using JumysBot.Hosting;
using JumysBot.Localization;
using JumysBot.Storage;
using JumysBot.Updates;
using Microsoft.Extensions.Logging;

namespace JumysBot.Outreach;

/// <summary>Tells the administrator who wrote an announcement, once every copy is settled, how many arrived.</summary>
public sealed class AnnouncementReportService(BotDatabase database, ContentStore content, OutboxSignal signal, TimeProvider time, JobLeadership leadership, ILogger<AnnouncementReportService> logger)
    : PeriodicJob(TimeSpan.FromSeconds(2), time, leadership, logger)
{
    protected override async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<AnnouncementProgress> unfinished;
        await using (var read = await database.BeginReadAsync(cancellationToken))
        {
            unfinished = await read.Announcements.UnfinishedAsync(cancellationToken);
        }

        var done = unfinished.Where(a => a.Pending == 0).ToList();
        if (done.Count == 0)
        {
            return 0;
        }

        await using var tx = await database.BeginAsync(cancellationToken);
        foreach (var report in done)
        {
            var text = content.Current.Texts.Get(Language.Russian, "announce.report",
                ("number", report.Id), ("delivered", report.Delivered), ("blocked", report.Blocked), ("failed", report.Failed));
            await tx.Outbox.AddAsync(new OutgoingMessage { ChatId = report.CreatedBy, Text = text, Priority = MessagePriority.Notification }, cancellationToken);
            await tx.Announcements.MarkFinishedAsync(report.Id, cancellationToken);
        }

        await tx.CommitAsync(cancellationToken);
        signal.Notify();
        return done.Count;
    }
}
