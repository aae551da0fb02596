namespace JumysBot.Conversations;

/// <summary>The steps of the conversation. A step's prefix names the part of the bot that owns it.</summary>
public static class Steps
{
    public const string New = "new";
    public const string ChooseLanguage = "start.language";
    public const string ChooseRole = "start.role";
    public const string Menu = "menu";

    /// <summary>Steps where a person browses rather than answers (the menu, the catalog, the wizard's results).</summary>
    public static bool IsBrowsing(string step) =>
        step == Menu || step.StartsWith("catalog.", StringComparison.Ordinal) || step == "suits.results";
}
