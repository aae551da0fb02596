using System.ComponentModel.DataAnnotations;
using System.Reflection;
using Microsoft.Extensions.Options;

namespace JumysBot.Hosting;

/// <summary>
/// Data annotations and <see cref="IValidatableObject"/>, as <c>ValidateDataAnnotations</c> checks them, but each failure
/// names the full key an operator sets (<c>The field Bot:MaxParallelChats must be between 1 and 256.</c>).
/// </summary>
internal sealed class SectionValidation<TOptions>(string section) : IValidateOptions<TOptions>
    where TOptions : class
{
    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        foreach (var property in typeof(TOptions).GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var context = new ValidationContext(options) { MemberName = property.Name, DisplayName = $"{section}:{property.Name}" };
            foreach (var attribute in property.GetCustomAttributes<ValidationAttribute>(inherit: true))
            {
                if (attribute.GetValidationResult(property.GetValue(options), context) is { ErrorMessage: { } message })
                {
                    failures.Add(message);
                }
            }
        }

        if (options is IValidatableObject validatable)
        {
            failures.AddRange(validatable.Validate(new ValidationContext(options))
                .Select(r => r.ErrorMessage ?? $"{section}: {string.Join(", ", r.MemberNames.Select(m => $"{section}:{m}"))} is not valid."));
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
