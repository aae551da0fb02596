namespace JumysBot.Leads;

/// <summary>A name as a person types it: letters, spaces, hyphens and apostrophes, 2 to 100 characters.</summary>
public static class PersonName
{
    public static bool IsValid(string? text)
    {
        var name = Clean(text);
        return name.Length is >= 2 and <= 100
            && name.Any(char.IsLetter)
            && name.All(c => char.IsLetter(c) || c is ' ' or '-' or '\'' or '’' or '.');
    }

    public static string Clean(string? text) => string.Join(' ', (text ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
