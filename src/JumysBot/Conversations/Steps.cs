namespace JumysBot.Conversations;

/// <summary>The steps of the first conversation; later flows add their own.</summary>
public static class Steps
{
    public const string New = "new";
    public const string ChooseLanguage = "language";
    public const string ChooseRole = "role";
    public const string Menu = "menu";
}
