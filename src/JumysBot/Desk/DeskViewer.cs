using JumysBot.Hosting;
using JumysBot.Storage;
using Microsoft.Extensions.Options;

namespace JumysBot.Desk;

/// <summary>Who is looking at the desk, and which points' requests they may see and work.</summary>
public sealed record DeskViewer(DeskUser User, bool IsAdmin, IReadOnlyList<string> Points)
{
    public bool CanWork(string pointId) => IsAdmin || Points.Contains(pointId, StringComparer.Ordinal);

    /// <summary>Neither an administrator nor a consultant of any point: gets nothing but a refusal.</summary>
    public bool IsNobody => !IsAdmin && Points.Count == 0;
}

/// <summary>
/// Decides what a signed-in Telegram user may do: an administrator (<c>Bot:AdminIds</c>) everything; a consultant the
/// points whose active, approved chat they are a member of now (the bot knows chats, not people: see
/// docs/decisions.md); anybody else nothing.
/// </summary>
public sealed class DeskAccess(BotDatabase database, IOptions<BotOptions> botOptions, IChatMembership membership)
{
    /// <summary>Telegram is asked outside any transaction: the store's writer is not held while it answers.</summary>
    public async Task<DeskViewer> ResolveAsync(DeskUser user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (botOptions.Value.AdminIds.Contains(user.Id))
        {
            return new DeskViewer(user, IsAdmin: true, []);
        }

        IReadOnlyList<(long ChatId, string PointId, string? Title, string Source)> bindings;
        await using (var tx = await database.BeginReadAsync(cancellationToken))
        {
            bindings = await tx.Consultants.ListAsync(cancellationToken);
        }

        var points = new List<string>();
        foreach (var (chatId, pointId, _, _) in bindings)
        {
            if (!points.Contains(pointId, StringComparer.Ordinal) && await membership.IsMemberAsync(chatId, user.Id, cancellationToken))
            {
                points.Add(pointId);
            }
        }

        return new DeskViewer(user, IsAdmin: false, points);
    }
}
