namespace JumysBot.Leads.Requests;

/// <summary>
/// Each flow's own first question. Training and job ask which measure (unless the person came from its card);
/// a grant asks how far the person is with Bastau Business; JOB COACH asks what help is needed.
/// </summary>
public static class LeadTopics
{
    public static IReadOnlyList<string> MeasuresFor(LeadKind kind) => kind switch
    {
        LeadKind.Training => ["skills-enbek", "digital-professions", "vocational-training", "short-courses-mothers"],
        LeadKind.Job => ["vacancies", "quota-jobs", "special-workplaces", "social-workplaces", "public-works"],
        _ => [],
    };

    /// <summary>Answers that are not measures, with their text keys.</summary>
    public static IReadOnlyList<string> AnswersFor(LeadKind kind) => kind switch
    {
        LeadKind.Grant => ["course", "grant", "unsure"],
        LeadKind.JobCoach => ["find", "adapt", "keep"],
        _ => [],
    };

    public static string AnswerTextKey(LeadKind kind, string answer) => $"lead.topic.{KindKey(kind)}.{answer}";

    public static string KindKey(LeadKind kind) => kind switch
    {
        LeadKind.Training => "training",
        LeadKind.Grant => "grant",
        LeadKind.Job => "job",
        LeadKind.Other => "other",
        _ => "job_coach",
    };

    public static LeadKind? KindOf(Catalog.MeasureAction action) => action switch
    {
        Catalog.MeasureAction.RegisterTraining => LeadKind.Training,
        Catalog.MeasureAction.RegisterGrant => LeadKind.Grant,
        Catalog.MeasureAction.RegisterJob => LeadKind.Job,
        Catalog.MeasureAction.RegisterJobCoach => LeadKind.JobCoach,
        Catalog.MeasureAction.RegisterOther => LeadKind.Other,
        _ => null,
    };
}
