using System.Collections.Frozen;
using System.Text.RegularExpressions;
using JumysBot.Content;
using JumysBot.Conversations;
using JumysBot.Localization;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace JumysBot.Catalog;

/// <summary>
/// Reads <c>measures.yaml</c> and checks every entry; an error names the file, the entry and the field.
/// Fields listed under <c>unverified</c> are dropped here, so nothing unconfirmed is ever shown as fact.
/// </summary>
public static partial class MeasureCatalogLoader
{
    public const string FileName = "measures.yaml";

    /// <summary>
    /// Titles, categories and audiences are button labels: a screen reader reads a long one whole, and a phone cuts it.
    /// </summary>
    public const int MaxButtonLabel = 30;

    private static readonly IDeserializer _yaml = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .Build();

    public static MeasureCatalog Load(string folder)
    {
        var path = Path.Combine(folder, FileName);
        if (!File.Exists(path))
        {
            throw new ContentException($"The content file '{path}' is missing.");
        }

        MeasuresFile file;
        try
        {
            using var reader = new StreamReader(path);
            file = _yaml.Deserialize<MeasuresFile?>(reader) ?? new MeasuresFile();
        }
        catch (YamlException e)
        {
            throw new ContentException($"{FileName}, line {e.Start.Line}, column {e.Start.Column}: {(e.InnerException ?? e).Message}", e);
        }

        var problems = new List<string>();
        var catalog = Build(file, problems);
        if (problems.Count > 0)
        {
            throw new ContentException($"{FileName} has {problems.Count} problem(s):{Environment.NewLine}  " + string.Join(Environment.NewLine + "  ", problems));
        }

        return catalog;
    }

    private static MeasureCatalog Build(MeasuresFile file, List<string> problems)
    {
        var categories = Labels<MeasureCategory>(file.Categories, "categories", problems);
        var audiences = Labels<Audience>(file.Audiences, "audiences", problems);
        var measures = new List<Measure>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < file.Measures.Count; i++)
        {
            var entry = file.Measures[i];
            var name = $"measure #{i + 1} '{entry.Id}'";
            if (string.IsNullOrEmpty(entry.Id) || !IdPattern().IsMatch(entry.Id))
            {
                problems.Add($"{name}: the id must be 1–24 lower-case latin letters, digits or dashes");
            }
            else if (!seen.Add(entry.Id))
            {
                problems.Add($"{name}: the id is used twice");
                continue;
            }

            var before = problems.Count;
            var measure = BuildMeasure(entry, name, problems);
            if (problems.Count == before)
            {
                measures.Add(measure);
            }
        }

        if (file.Measures.Count == 0)
        {
            problems.Add("there are no measures");
        }

        return new MeasureCatalog(categories, audiences, measures);
    }

    private static Measure BuildMeasure(MeasureEntry entry, string name, List<string> problems)
    {
        var unverified = entry.Unverified.ToHashSet(StringComparer.Ordinal);
        foreach (var field in unverified.Except(OptionalTexts, StringComparer.Ordinal))
        {
            problems.Add($"{name}: 'unverified' names '{field}', but only {string.Join(", ", OptionalTexts)} can be hidden");
        }

        var action = ParseOne<MeasureAction>(entry.Action, "action", name, problems);
        Uri? link = null;
        if (!string.IsNullOrEmpty(entry.Link) && (!Uri.TryCreate(entry.Link, UriKind.Absolute, out link) || link.Scheme != Uri.UriSchemeHttps))
        {
            problems.Add($"{name}: the link '{entry.Link}' must be a full https:// address");
        }

        if (action == MeasureAction.Link && link is null)
        {
            problems.Add($"{name}: the action is 'link' but there is no link");
        }

        return new Measure
        {
            Id = entry.Id,
            Category = ParseOne<MeasureCategory>(entry.Category, "category", name, problems),
            Audiences = ParseMany<Audience>(entry.Audiences, "audiences", name, problems),
            Region = string.IsNullOrWhiteSpace(entry.Region) ? Missing("region", name, problems) : entry.Region,
            Goals = ParseMany<Goal>(entry.Goals, "goals", name, problems),
            Ages = ParseMany<AgeBand>(entry.Ages, "ages", name, problems),
            Title = Text(entry.Title, "title", name, problems, maxLength: MaxButtonLabel)!,
            Summary = Text(entry.Summary, "summary", name, problems, maxLength: 140)!,
            WhatYouGet = Optional(entry.WhatYouGet, "what_you_get"),
            WhoCanApply = Optional(entry.WhoCanApply, "who_can_apply"),
            HowToApply = Optional(entry.HowToApply, "how_to_apply"),
            Action = action,
            Link = link,
            Keywords = [.. entry.Keywords.Ru, .. entry.Keywords.Kk],
            Source = string.IsNullOrWhiteSpace(entry.Source) ? Missing("source", name, problems) : entry.Source,
        };

        LocalizedText? Optional(TextEntry? text, string field)
        {
            var checkedText = text is null ? null : Text(text, field, name, problems, maxLength: 3000);
            return unverified.Contains(field) ? null : checkedText;
        }
    }

    private static readonly string[] OptionalTexts = ["what_you_get", "who_can_apply", "how_to_apply"];

    private static LocalizedText? Text(TextEntry? text, string field, string name, List<string> problems, int maxLength)
    {
        if (text is null || string.IsNullOrWhiteSpace(text.Ru) || string.IsNullOrWhiteSpace(text.Kk))
        {
            problems.Add($"{name}: '{field}' needs both 'ru' and 'kk'");
            return new LocalizedText("", "");
        }

        foreach (var (language, value) in new[] { ("ru", text.Ru), ("kk", text.Kk) })
        {
            if (value.Length > maxLength)
            {
                problems.Add($"{name}: '{field}' in '{language}' is longer than {maxLength} characters");
            }

            foreach (Match placeholder in Placeholder().Matches(value))
            {
                if (!MoneyPlaceholder().IsMatch(placeholder.Value))
                {
                    problems.Add($"{name}: '{field}' in '{language}' has an unknown placeholder {placeholder.Value}");
                }
            }
        }

        return new LocalizedText(text.Ru.Trim(), text.Kk.Trim());
    }

    private static Dictionary<TEnum, LocalizedText> Labels<TEnum>(Dictionary<string, TextEntry> labels, string section, List<string> problems)
        where TEnum : struct, Enum
    {
        var result = new Dictionary<TEnum, LocalizedText>();
        foreach (var (key, text) in labels)
        {
            if (!TryParse<TEnum>(key, out var value))
            {
                problems.Add($"{section}: '{key}' is not one of {Names<TEnum>()}");
                continue;
            }

            result[value] = Text(text, key, section, problems, maxLength: MaxButtonLabel)!;
        }

        foreach (var missing in Enum.GetValues<TEnum>().Where(v => !result.ContainsKey(v)))
        {
            problems.Add($"{section}: '{ToSnakeCase(missing.ToString())}' has no label");
        }

        return result;
    }

    private static TEnum ParseOne<TEnum>(string? text, string field, string name, List<string> problems)
        where TEnum : struct, Enum
    {
        if (TryParse<TEnum>(text, out var value))
        {
            return value;
        }

        problems.Add($"{name}: '{field}' is '{text}', which is not one of {Names<TEnum>()}");
        return default;
    }

    private static FrozenSet<TEnum> ParseMany<TEnum>(List<string> texts, string field, string name, List<string> problems)
        where TEnum : struct, Enum
    {
        if (texts.Count == 0)
        {
            problems.Add($"{name}: '{field}' needs at least one of {Names<TEnum>()}");
        }

        return texts.Select(t => ParseOne<TEnum>(t, field, name, problems)).ToFrozenSet();
    }

    private static string Missing(string field, string name, List<string> problems)
    {
        problems.Add($"{name}: '{field}' is missing");
        return "";
    }

    private static bool TryParse<TEnum>(string? text, out TEnum value)
        where TEnum : struct, Enum
    {
        value = default;
        return !string.IsNullOrEmpty(text)
            && !char.IsDigit(text[0])
            && Enum.TryParse(text.Replace("_", "", StringComparison.Ordinal), ignoreCase: true, out value)
            && Enum.IsDefined(value);
    }

    private static string Names<TEnum>()
        where TEnum : struct, Enum => string.Join(", ", Enum.GetNames<TEnum>().Select(ToSnakeCase));

    /// <summary><c>From35To49</c> → <c>from_35_to_49</c>, as the content files spell the values.</summary>
    internal static string ToSnakeCase(string name) =>
        string.Concat(name.Select((c, i) =>
            i > 0 && (char.IsUpper(c) || (char.IsDigit(c) && !char.IsDigit(name[i - 1]))) ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    [GeneratedRegex("^[a-z0-9-]{1,24}$")]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"\{[^{}]*\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"^\{mrp:\d{1,6}\}$")]
    private static partial Regex MoneyPlaceholder();
}
