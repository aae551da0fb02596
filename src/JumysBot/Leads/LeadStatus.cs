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

