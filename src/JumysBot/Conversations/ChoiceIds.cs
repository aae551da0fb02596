namespace JumysBot.Conversations;

/// <summary>Button data: short ASCII ids well under Telegram's 64-byte limit, never labels.</summary>
public static class ChoiceIds
{
    public const string Kazakh = "l:kk";
    public const string Russian = "l:ru";

    public const string MenuMeasures = "m:measures";
    public const string MenuTraining = "m:training";
    public const string MenuGrant = "m:grant";
    public const string MenuJob = "m:job";
    public const string MenuPoints = "m:points";
    public const string MenuMyData = "m:mydata";
    public const string MenuLanguage = "m:language";

    public static IReadOnlyList<string> Menu { get; } =
        [MenuMeasures, MenuTraining, MenuGrant, MenuJob, MenuPoints, MenuMyData, MenuLanguage];

    public static IReadOnlyDictionary<string, PersonRole> Roles { get; } = new Dictionary<string, PersonRole>
    {
        ["r:pwd"] = PersonRole.PersonWithDisability,
        ["r:carer"] = PersonRole.CarerOfChild,
        ["r:other"] = PersonRole.Other,
        ["r:none"] = PersonRole.NotSaid,
    };

    public static string RoleTextKey(PersonRole role) => role switch
    {
        PersonRole.PersonWithDisability => "role.person_with_disability",
        PersonRole.CarerOfChild => "role.carer",
        PersonRole.Other => "role.other",
        _ => "role.not_said",
    };
}
