using System.ComponentModel.DataAnnotations;
using JumysBot.Catalog;

namespace JumysBot.Leads;

/// <summary>The <c>Leads</c> configuration section: who processes the data, for how long, and where requests go by default.</summary>
public sealed class LeadOptions
{
    public const string SectionName = "Leads";

    /// <summary>Raise it when the consent text changes: everyone is asked again before their next request.</summary>
    [Range(1, int.MaxValue)]
    public int ConsentVersion { get; set; } = 1;

    /// <summary>The operator of the personal data, named in the consent text (Law of the RK No. 94-V).</summary>
    public LocalizedText Operator { get; set; } = new(
        "Управление координации занятости и социальных программ Карагандинской области",
        "Қарағанды облысының жұмыспен қамтуды үйлестіру және әлеуметтік бағдарламалар басқармасы");

    /// <summary>Days a closed request is kept before its personal fields are erased; stated in the consent text.</summary>
    [Range(1, 3650)]
    public int RetentionDays { get; set; } = 180;

    /// <summary>The point that takes a request when no place or location decides it.</summary>
    [Required]
    public string FallbackPointId { get; set; } = "career-karaganda";
}
