namespace JumysBot.Tests.Localization;

/// <summary>The repository's localization/ folder as copied beside the tests, the same files the app ships.</summary>
internal static class ContentFolder
{
    public static string Path { get; } = System.IO.Path.Combine(AppContext.BaseDirectory, "localization");
}
