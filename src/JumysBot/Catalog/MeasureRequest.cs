namespace JumysBot.Catalog;

/// <summary>
/// The «leave a request» button of a measure's card. The catalog draws it; the request flow (Leads) answers it by its
/// <see cref="Prefix"/>, so the catalog needs nothing of the request side.
/// </summary>
public static class MeasureRequest
{
    public const string Prefix = "lead:start:";

    public static string ButtonId(string measureId) => Prefix + measureId;

    /// <summary>True for the measures a person can leave a request about.</summary>
    public static bool Takes(MeasureAction action) => action is MeasureAction.RegisterTraining or MeasureAction.RegisterGrant
        or MeasureAction.RegisterJob or MeasureAction.RegisterJobCoach or MeasureAction.RegisterOther;

    /// <summary>
    /// The label: «Хочу участвовать» fits a course or Bastau Business; a vacancy, a quota, Job coach and what another
    /// office handles take «Оставить заявку».
    /// </summary>
    public static string ButtonTextKey(MeasureAction action) =>
        action is MeasureAction.RegisterTraining or MeasureAction.RegisterGrant ? "catalog.action.register" : "catalog.action.request";
}
