using JumysBot.Catalog;
using JumysBot.Content;
using JumysBot.Leads;
using Microsoft.Extensions.Options;

namespace JumysBot.Leads.Consultants;

/// <summary>Every chat in <c>Consultants</c> names a point the content knows.</summary>
internal sealed class ConsultantBindingsValidation(ContentStore content) : IValidateOptions<List<ConsultantBinding>>
{
    public ValidateOptionsResult Validate(string? name, List<ConsultantBinding> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var points = content.Current.Points;
        var failures = options
            .Select((binding, index) => (binding, index))
            .Where(b => points.FindPoint(b.binding.PointId) is null)
            .Select(b => $"Consultants:{b.index}:PointId is '{b.binding.PointId}', which is no point in points.yaml; it needs a point's id.")
            .ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
