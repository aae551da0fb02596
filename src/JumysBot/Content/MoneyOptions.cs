namespace JumysBot.Content;

/// <summary>The <c>Money</c> configuration section: the MRP (МРП / АЕК) in tenge for each year, set by law every year.</summary>
public sealed class MoneyOptions
{
    public const string SectionName = "Money";

    /// <summary>Add next year's value here (<c>Money__MrpByYear__2027=…</c>) when the budget law sets it.</summary>
    public Dictionary<int, int> MrpByYear { get; } = new()
    {
        [2025] = 3_932,
        [2026] = 4_325,
    };
}
