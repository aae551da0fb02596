using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace JumysBot.Localization;

/// <summary>Reads <c>strings.ru.yaml</c> and <c>strings.kk.yaml</c>, flattening nested maps into dotted keys.</summary>
public static partial class TextCatalogLoader
{
    public static TextCatalog Load(string folder)
    {
        var russian = ReadFile(Path.Combine(folder, "strings.ru.yaml"));
        var kazakh = ReadFile(Path.Combine(folder, "strings.kk.yaml"));
        var problems = FindProblems(russian, kazakh);
        if (problems.Count > 0)
        {
            throw new ContentException(
                $"The UI strings in '{folder}' have {problems.Count} problem(s) (both languages need every key, the same placeholders, and short button labels):{Environment.NewLine}  "
                + string.Join(Environment.NewLine + "  ", problems));
        }

        return new TextCatalog(russian, kazakh);
    }

    /// <summary>Keys missing in one language, empty texts, placeholders that differ, and button labels that are too long.</summary>
    public static IReadOnlyList<string> FindProblems(IReadOnlyDictionary<string, string> russian, IReadOnlyDictionary<string, string> kazakh)
    {
        ArgumentNullException.ThrowIfNull(russian);
        ArgumentNullException.ThrowIfNull(kazakh);
        var problems = new List<string>();
        problems.AddRange(russian.Keys.Except(kazakh.Keys).Order(StringComparer.Ordinal).Select(k => $"'{k}' is missing in strings.kk.yaml"));
        problems.AddRange(kazakh.Keys.Except(russian.Keys).Order(StringComparer.Ordinal).Select(k => $"'{k}' is missing in strings.ru.yaml"));
        foreach (var (key, ru) in russian.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (!kazakh.TryGetValue(key, out var kk))
            {
                continue;
            }

            if (string.IsNullOrWhiteSpace(ru) || string.IsNullOrWhiteSpace(kk))
            {
                problems.Add($"'{key}' is empty in one language");
            }

            var ruPlaceholders = Placeholders(ru);
            var kkPlaceholders = Placeholders(kk);
            if (!ruPlaceholders.SetEquals(kkPlaceholders))
            {
                problems.Add($"'{key}' has placeholders {{{string.Join("}, {", ruPlaceholders.Order(StringComparer.Ordinal))}}} in Russian "
                    + $"but {{{string.Join("}, {", kkPlaceholders.Order(StringComparer.Ordinal))}}} in Kazakh");
            }
        }

        problems.AddRange(LongLabels(russian, "Russian"));
        problems.AddRange(LongLabels(kazakh, "Kazakh"));
        return problems;
    }

    private static IEnumerable<string> LongLabels(IReadOnlyDictionary<string, string> texts, string language)
    {
        // «{topic}: да» is as long as its longest topic makes it.
        var longest = new Dictionary<string, int>(StringComparer.Ordinal)
        {
            ["topic"] = texts.Where(t => t.Key.StartsWith("subscription.topic.", StringComparison.Ordinal)).Select(t => t.Value.Length).DefaultIfEmpty(0).Max(),
        };
        return texts
            .Where(t => ButtonLabels.IsLabel(t.Key))
            .Select(t => (t.Key, Length: ButtonLabels.Length(t.Value, longest)))
            .Where(t => t.Length > ButtonLabels.MaxLength)
            .OrderBy(t => t.Key, StringComparer.Ordinal)
            .Select(t => $"'{t.Key}' is a button label of {t.Length} characters in {language}; a label has at most {ButtonLabels.MaxLength}");
    }

    public static Dictionary<string, string> ReadFile(string path)
    {
        if (!File.Exists(path))
        {
            throw new ContentException($"The content file '{path}' is missing.");
        }

        var stream = new YamlStream();
        try
        {
            using var reader = new StreamReader(path);
            stream.Load(reader);
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            throw new ContentException($"The content file '{path}' is not valid YAML (line {e.Start.Line}): {e.Message}", e);
        }

        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        if (stream.Documents.Count > 0 && stream.Documents[0].RootNode is YamlMappingNode root)
        {
            Flatten(root, prefix: "", texts, path);
        }

        return texts;
    }

    private static void Flatten(YamlMappingNode node, string prefix, Dictionary<string, string> texts, string path)
    {
        foreach (var (keyNode, valueNode) in node.Children)
        {
            var key = prefix + ((YamlScalarNode)keyNode).Value;
            switch (valueNode)
            {
                case YamlMappingNode child:
                    Flatten(child, key + ".", texts, path);
                    break;
                case YamlScalarNode scalar:
                    texts[key] = (scalar.Value ?? "").TrimEnd('\n');
                    break;
                default:
                    throw new ContentException($"'{key}' in '{path}' must be a text or a group of texts.");
            }
        }
    }

    private static HashSet<string> Placeholders(string text) =>
        PlaceholderPattern().Matches(text).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);

    [GeneratedRegex(@"\{([A-Za-z][A-Za-z0-9_]*)\}")]
    private static partial Regex PlaceholderPattern();
}
