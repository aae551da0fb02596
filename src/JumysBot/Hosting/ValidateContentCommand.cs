using JumysBot.Catalog;
using JumysBot.Content;
using JumysBot.Localization;

namespace JumysBot.Hosting;

/// <summary><c>dotnet run --project src/JumysBot -- validate-content</c>: checks the content files an operator edited.</summary>
public static class ValidateContentCommand
{
    public const string Name = "validate-content";

    public static int Run(BotOptions options, TextWriter output, TextWriter errors)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(errors);
        var folder = ContentStore.ContentFolder(options);
        try
        {
            var content = BotContent.Load(folder);
            output.WriteLine($"The content in '{folder}' is valid: {content.Texts.Keys.Count()} texts, {content.Measures.Measures.Count} measures.");
            return 0;
        }
        catch (ContentException e)
        {
            errors.WriteLine(e.Message);
            return 1;
        }
    }
}
