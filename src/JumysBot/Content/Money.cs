using System.Globalization;
using System.Text.RegularExpressions;
using JumysBot.Localization;
using Microsoft.Extensions.Options;

namespace JumysBot.Content;

/// <summary>Turns amounts in MRP into tenge for the current year, as people think in tenge.</summary>
public sealed partial class Money(IOptions<MoneyOptions> options, TimeProvider time)
{
    // Kazakhstan has one time zone, UTC+5, since 2024: the year turns at midnight there.
    private static readonly TimeSpan _kazakhstanOffset = TimeSpan.FromHours(5);

    private static readonly NumberFormatInfo _groups = new() { NumberGroupSeparator = "\u00A0", NumberGroupSizes = [3] };

    /// <summary>The year whose MRP applies now: this year, or the latest configured one before it.</summary>
    public (int Year, int Mrp) CurrentMrp()
    {
        var table = options.Value.MrpByYear;
        var year = time.GetUtcNow().ToOffset(_kazakhstanOffset).Year;
        var known = table.Keys.Where(y => y <= year).DefaultIfEmpty(table.Keys.Min()).Max();
        return (known, table[known]);
    }

    /// <summary><c>1730000</c> → «1 730 000 ₸», with spaces that do not break the number across lines.</summary>
    public static string Tenge(long amount) => amount.ToString("#,0", _groups) + "\u00A0₸";

    /// <summary>Replaces every <c>{mrp:N}</c> in a content text with N MRP and its tenge value this year.</summary>
    public string Fill(string text, Language language, TextCatalog texts)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(texts);
        if (!text.Contains("{mrp:", StringComparison.Ordinal))
        {
            return text;
        }

        var (year, mrp) = CurrentMrp();
        return MrpPlaceholder().Replace(text, match =>
        {
            var count = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
            return texts.Get(language, "money.mrp", ("count", count), ("tenge", Tenge((long)count * mrp)), ("year", year));
        });
    }

    public static bool HasMrp(string text) => text?.Contains("{mrp:", StringComparison.Ordinal) == true;

    [GeneratedRegex(@"\{mrp:(\d{1,6})\}")]
    private static partial Regex MrpPlaceholder();
}
