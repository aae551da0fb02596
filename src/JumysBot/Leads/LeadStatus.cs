namespace JumysBot.Leads;

/// <summary>Where a request stands; every change is kept in its history.</summary>
public enum LeadStatus
{
    New,
    InProgress,
    Unreachable,
    Contacted,
    Done,
    Cancelled,
}

/// <summary>A person's request as the conversation needs to know it: to show an open one instead of a duplicate.</summary>
public sealed record LeadSummary(long Number, LeadKind Kind, string? MeasureId, string PointId, LeadStatus Status)
{
    public bool IsOpen => Status is not (LeadStatus.Done or LeadStatus.Cancelled);
}
