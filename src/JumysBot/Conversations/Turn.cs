using JumysBot.Updates;

namespace JumysBot.Conversations;

/// <summary>The result of handling one input: the person and conversation as they are now, and what to send.</summary>
public sealed record Turn(Person Person, ConversationState State, IReadOnlyList<OutgoingMessage> Messages)
{
    /// <summary>A request to register with this turn; its confirmation comes before <see cref="Messages"/>.</summary>
    public Leads.LeadDraft? NewLead { get; init; }

    /// <summary>Anonymous steps of the request funnel reached in this turn (a flow started, consent given).</summary>
    public IReadOnlyList<(string Name, Leads.LeadKind Kind)> FunnelEvents { get; init; } = [];

    public bool Forget { get; init; }

    public Outreach.Arrival? Arrival { get; init; }
    /// <summary>Changes the person made to their requests after they were worked: a rating, a comment, a new phone.</summary>
    public IReadOnlyList<Leads.LeadFeedbackChange> FeedbackChanges { get; init; } = [];
}
