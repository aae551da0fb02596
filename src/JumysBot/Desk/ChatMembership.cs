using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace JumysBot.Desk;

/// <summary>Whether a Telegram user is in a chat now, as Telegram answers it.</summary>
public interface IChatMembership
{
    Task<bool> IsMemberAsync(long chatId, long userId, CancellationToken cancellationToken);
}

/// <summary>
/// Asks Telegram (<c>getChatMember</c>) whether a user is in a consultants' chat, and keeps the answer a short while:
/// someone removed from the chat loses the desk within <see cref="DeskOptions.MembershipCacheSeconds"/>.
/// </summary>
public sealed class TelegramChatMembership(ITelegramBotClient bot, IOptions<DeskOptions> options, TimeProvider time) : IChatMembership
{
    private readonly ConcurrentDictionary<(long Chat, long User), (bool Member, DateTimeOffset Until)> _answers = new();

    public async Task<bool> IsMemberAsync(long chatId, long userId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_answers.TryGetValue((chatId, userId), out var known) && known.Until > now)
        {
            return known.Member;
        }

        bool member;
        try
        {
            var answer = await bot.GetChatMember(chatId, userId, cancellationToken);
            member = answer.Status is ChatMemberStatus.Creator or ChatMemberStatus.Administrator or ChatMemberStatus.Member
                || answer is ChatMemberRestricted { IsMember: true };
        }
        catch (ApiRequestException e) when (e.ErrorCode is 400 or 403)
        {
            // The user was never in the chat, or the bot is no longer there: not a member either way.
            member = false;
        }

        if (_answers.Count > 10_000)
        {
            _answers.Clear();
        }

        _answers[(chatId, userId)] = (member, now.AddSeconds(options.Value.MembershipCacheSeconds));
        return member;
    }
}
