using System.Collections.Frozen;
using System.Text;

namespace JumysBot.Localization;

/// <summary>
/// Every UI string a person reads, by key and language, loaded from <c>localization/strings.*.yaml</c>.
/// Placeholders are named: <c>{name}</c>.
/// </summary>
public sealed class TextCatalog
{
    private readonly FrozenDictionary<string, string> _russian;
    private readonly FrozenDictionary<string, string> _kazakh;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, IReadOnlyList<string>> _words = new(StringComparer.Ordinal);

    public TextCatalog(IReadOnlyDictionary<string, string> russian, IReadOnlyDictionary<string, string> kazakh)
    {
        ArgumentNullException.ThrowIfNull(russian);
        ArgumentNullException.ThrowIfNull(kazakh);
        _russian = russian.ToFrozenDictionary(StringComparer.Ordinal);
        _kazakh = kazakh.ToFrozenDictionary(StringComparer.Ordinal);
    }

    public IEnumerable<string> Keys => _russian.Keys;

    public bool Contains(string key) => _russian.ContainsKey(key) && _kazakh.ContainsKey(key);

    /// <summary>The text for <paramref name="key"/>, with <c>{name}</c> placeholders filled.</summary>
    public string Get(Language language, string key, params ReadOnlySpan<(string Name, object? Value)> arguments)
    {
        var texts = language == Language.Kazakh ? _kazakh : _russian;
        if (!texts.TryGetValue(key, out var text))
        {
            // Validation at start makes this unreachable for shipped content; never show a person a crash.
            return key;
        }

        if (arguments.IsEmpty)
        {
            return text;
        }

        var builder = new StringBuilder(text);
        foreach (var (name, value) in arguments)
        {
            builder.Replace("{" + name + "}", Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture));
        }

        return builder.ToString();
    }

    /// <summary>A comma-separated list of words (for typed commands such as «меню»), in both languages; split once.</summary>
    public IReadOnlyList<string> Words(string key) =>
        _words.GetOrAdd(key, k =>
            [.. Get(Language.Russian, k).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries),
             .. Get(Language.Kazakh, k).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)]);
}
