namespace JumysBot.Leads;

/// <summary>
/// What a person asks a consultant for: to learn, a business grant, a job, Job coach support, or something another
/// office handles (invataxi, technical aids, social services, rehabilitation), which the consultant passes on.
/// </summary>
public enum LeadKind
{
    Training,
    Grant,
    Job,
    JobCoach,

    /// <summary>Not a point's own service: every point takes it and passes it on to the district's social department.</summary>
    Other,
}
