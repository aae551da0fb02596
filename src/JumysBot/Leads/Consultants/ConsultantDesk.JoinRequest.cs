using JumysBot.Conversations;
using JumysBot.Storage;
using JumysBot.Updates;
using Stateless;

namespace JumysBot.Leads.Consultants;

/// <summary>
/// A consultants' chat asking to join: <c>/consultant</c> in the group, then an administrator binds it to a point or
/// declines; a bound chat can be revoked. The state is the chat's binding as the store holds it.
/// </summary>
public sealed partial class ConsultantDesk
{
    /// <summary>The machine as a Mermaid diagram, for docs/flows.md and <c>-- flows</c>.</summary>
    public static string DescribeJoinRequest() =>
        Stateless.Graph.MermaidGraph.Format(new JoinRequest(null!, null!, new Incoming { ChatId = 0, UserId = 0 }, 0, JoinState.Unbound, null, [], CancellationToken.None).Info);

    private enum JoinState
    {
        Unbound,
        Requested,
        Bound,
    }

    private enum JoinTrigger
    {
        Request,
        Approve,
        Decline,
        Revoke,
    }

    /// <summary>One chat's request to join, for one update: the machine over the binding the store holds.</summary>
    private sealed class JoinRequest
    {
        private readonly TurnMachine<JoinState, JoinTrigger> _machine;
        private readonly StateMachine<JoinState, JoinTrigger>.TriggerWithParameters<string> _approve;
        private JoinState _state;

        public JoinRequest(
            ConsultantDesk desk, StorageTransaction tx, Incoming input, long chat, JoinState state, string? pendingTitle, List<OutgoingMessage> replies, CancellationToken cancellationToken)
        {
            _state = state;
            _machine = new TurnMachine<JoinState, JoinTrigger>(() => _state, s => _state = s);
            _approve = _machine.SetTriggerParameters<string>(JoinTrigger.Approve);

            // Bindings are for the points' group chats: a private chat is told so, and no administrator is bothered.
            _machine.Configure(JoinState.Unbound)
                .PermitIf(JoinTrigger.Request, JoinState.Requested, () => !input.IsPrivateChat, "from a group chat")
                .InternalTransitionIf(JoinTrigger.Request, _ => input.IsPrivateChat, _ => replies.Add(Say(input.ChatId, desk.T("consultant.private_refused"))), "from a private chat: refused");
            _machine.Configure(JoinState.Requested)
                .OnEntryFromAsync(JoinTrigger.Request, () => desk.AskAdminsAsync(tx, input, replies, cancellationToken), "ask the administrators")
                // Asking again changes nothing and notifies nobody again.
                .InternalTransitionIf(JoinTrigger.Request, _ => true, _ => replies.Add(Say(input.ChatId, desk.T("consultant.already_requested"))), "asked again: it waits, nobody is told again")
                .PermitIf(_approve, JoinState.Bound, pointId => desk.IsKnownPoint(pointId), "a known point")
                .Permit(JoinTrigger.Decline, JoinState.Unbound);
            _machine.Configure(JoinState.Bound)
                .OnEntryFromAsync(_approve, async pointId =>
                {
                    await tx.Consultants.BindAsync(chat, pointId, string.IsNullOrEmpty(pendingTitle) ? null : pendingTitle, "admin", cancellationToken);
                    replies.Add(Say(input.ChatId, desk.T("consultant.approved", ("point", desk.PointName(pointId)))));
                    replies.Add(Say(chat, desk.T("consultant.welcome", ("point", desk.PointName(pointId)))));
                }, "bind the chat to the point, welcome it")
                .PermitReentry(JoinTrigger.Request)
                .OnEntryFromAsync(
                    JoinTrigger.Request,
                    async () =>
                    {
                        var point = await tx.Consultants.PointOfAsync(chat, cancellationToken);
                        replies.Add(Say(input.ChatId, desk.T("consultant.already_bound", ("point", desk.PointName(point!)))));
                    },
                    "say which point it is bound to")
                .Permit(JoinTrigger.Revoke, JoinState.Unbound);
            _machine.Configure(JoinState.Unbound)
                .OnEntryFromAsync(JoinTrigger.Decline, async () =>
                {
                    await tx.Consultants.DeclineAsync(chat, cancellationToken);
                    replies.Add(Say(input.ChatId, desk.T("consultant.declined")));
                }, "forget the request")
                .OnEntryFromAsync(JoinTrigger.Revoke, async () =>
                {
                    await tx.Consultants.RevokeAsync(chat, cancellationToken);
                    replies.Add(Say(input.ChatId, desk.T("consultant.revoked")));
                }, "unbind the chat");
        }

        public Stateless.Reflection.StateMachineInfo Info => _machine.GetInfo();

        public static async Task<JoinRequest> LoadAsync(
            ConsultantDesk desk, StorageTransaction tx, Incoming input, long chat, List<OutgoingMessage> replies, CancellationToken cancellationToken)
        {
            var pending = await tx.Consultants.PendingRequestTitleAsync(chat, cancellationToken);
            var state = await tx.Consultants.PointOfAsync(chat, cancellationToken) is not null ? JoinState.Bound
                : pending is not null ? JoinState.Requested
                : JoinState.Unbound;
            return new JoinRequest(desk, tx, input, chat, state, pending, replies, cancellationToken);
        }

        public Task RequestAsync() => _machine.FireAsync(JoinTrigger.Request);

        public Task<bool> ApproveAsync(string pointId) => _machine.TryAsync(_approve, pointId);

        public Task<bool> DeclineAsync() => _machine.TryAsync(JoinTrigger.Decline);

        public Task<bool> RevokeAsync() => _machine.TryAsync(JoinTrigger.Revoke);
    }

    private bool IsKnownPoint(string pointId) => content.Current.Points.FindPoint(pointId) is not null;

    private async Task AskAdminsAsync(StorageTransaction tx, Incoming input, List<OutgoingMessage> replies, CancellationToken cancellationToken)
    {
        var title = input.ChatTitle ?? input.FirstName;
        await tx.Consultants.RequestAsync(input.ChatId, title, cancellationToken);
        replies.Add(Say(input.ChatId, T("consultant.requested")));
        foreach (var admin in botOptions.Value.AdminIds)
        {
            replies.Add(new OutgoingMessage
            {
                ChatId = admin,
                Text = T(
                    "consultant.approve_question",
                    ("title", title ?? ""),
                    ("chat", input.ChatId),
                    ("kind", T(input.IsSupergroup ? "consultant.chat_kind.supergroup" : "consultant.chat_kind.group")),
                    ("asker", PersonWords.OnOneLine(input.FirstName ?? ""))),
                Buttons =
                [
                    .. content.Current.Points.Points.Select(p => (IReadOnlyList<Choice>)[new Choice($"{AdminPrefix}ok:{input.ChatId}:{p.Id}", p.Name.In(LeadCard.ConsultantLanguage))]),
                    [new Choice($"{AdminPrefix}no:{input.ChatId}", T("consultant.decline"))],
                ],
                Priority = MessagePriority.Notification,
            });
        }
    }
}
