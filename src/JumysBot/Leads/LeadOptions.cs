using System.ComponentModel.DataAnnotations;
using JumysBot.Catalog;
using JumysBot.Content;

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

    /// <summary>Cards carry only the number, the kind and the district: for deployments that keep personal data off Telegram.</summary>
    public bool MinimalCards { get; set; }

    /// <summary>Working hours after which an untaken request reminds its point, and after which it goes to the administrators.</summary>
    [Range(1, 200)]
    public int RemindAfterWorkingHours { get; set; } = 4;

    [Range(1, 400)]
    public int EscalateAfterWorkingHours { get; set; } = 8;

    /// <summary>The time zone of the working day (09:00–18:00, Monday to Friday).</summary>
    [Required]
    public string TimeZone { get; set; } = "Asia/Almaty";
}

/// <summary>A consultant chat bound in configuration: <c>Consultants__0__ChatId</c>, <c>Consultants__0__PointId</c>.</summary>
public sealed class ConsultantBinding
{
    public long ChatId { get; set; }

    public string PointId { get; set; } = "";
}
