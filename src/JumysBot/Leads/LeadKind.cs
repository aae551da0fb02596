namespace JumysBot.Leads;

/// <summary>What a person asks a consultant for: to learn, a business grant, a job, or JOB COACH support.</summary>
public enum LeadKind
{
    Training,
    Grant,
    Job,
    JobCoach,
}
