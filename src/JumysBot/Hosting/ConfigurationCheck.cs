using System.Globalization;
using System.Reflection;
using JumysBot.Localization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace JumysBot.Hosting;

/// <summary>
/// Looks the configuration over before anything starts. A mistake ends the start with one line on standard error that
/// names the key and what it needs, and exit code 2 (as a token Telegram rejects); never a stack trace.
/// </summary>
public static class ConfigurationCheck
{
    public const int ExitCode = 2;

    /// <summary>Exit code for content files that do not load (see <c>validate-content</c>).</summary>
    public const int ContentExitCode = 1;

    /// <returns>0 when the configuration is usable; otherwise the exit code, after the line is written.</returns>
    public static int Run(IServiceProvider services, TextWriter errors)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(errors);
        try
        {
            var configuration = services.GetRequiredService<IConfiguration>();
            var misfits = services.GetServices<ConfiguredSection>().SelectMany(section => Misfits(configuration, section)).ToList();
            if (misfits.Count > 0)
            {
                return Fail(errors, misfits);
            }

            // Binds and validates every options type registered with ValidateOnStart.
            services.GetService<IStartupValidator>()?.Validate();
            return 0;
        }
        catch (OptionsValidationException e)
        {
            return Fail(errors, e.Failures);
        }
        catch (AggregateException e) when (e.InnerExceptions.All(i => i is OptionsValidationException))
        {
            return Fail(errors, e.InnerExceptions.Cast<OptionsValidationException>().SelectMany(i => i.Failures));
        }
        catch (InvalidOperationException e) when (e.InnerException is FormatException or ArgumentException or OverflowException)
        {
            // A value deeper than the sections' own properties that does not convert; the binder's message names its key.
            return Fail(errors, [e.Message]);
        }
        catch (ContentException e)
        {
            errors.WriteLine(e.Message);
            return ContentExitCode;
        }
    }

    private static int Fail(TextWriter errors, IEnumerable<string> problems)
    {
        errors.WriteLine("The configuration is not valid: " + string.Join(" ", problems.Select(p => p.ReplaceLineEndings(" ").Trim())));
        return ExitCode;
    }

    /// <summary>Values the binder could not convert to their property's type: the key, the value, and what it needs.</summary>
    private static IEnumerable<string> Misfits(IConfiguration configuration, ConfiguredSection section)
    {
        foreach (var property in section.OptionsType.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
        {
            var key = $"{section.Name}:{property.Name}";
            if (ItemType(property.PropertyType) is { } itemType)
            {
                // A list of numbers (Bot:AdminIds): the binder leaves out an item it cannot convert, without a word.
                foreach (var item in configuration.GetSection(key).GetChildren())
                {
                    if (Misfit(item.Path, item.Value, itemType) is { } problem)
                    {
                        yield return problem;
                    }
                }
            }
            else if (Misfit(key, configuration[key], property.PropertyType) is { } problem)
            {
                yield return problem;
            }
        }
    }

    private static string? Misfit(string key, string? value, Type propertyType)
    {
        var type = Nullable.GetUnderlyingType(propertyType) ?? propertyType;
        return !string.IsNullOrWhiteSpace(value) && Needs(type) is { } need && !Fits(value, type)
            ? $"{key} is '{value}'; it needs {need}."
            : null;
    }

    private static Type? ItemType(Type type) =>
        type != typeof(string) && type.IsGenericType && type.GetGenericArguments() is [var item] && typeof(IEnumerable<>).MakeGenericType(item).IsAssignableFrom(type)
            ? item
            : null;

    private static string? Needs(Type type) =>
        type.IsEnum ? "one of " + string.Join(", ", Enum.GetNames(type))
        : type == typeof(int) || type == typeof(long) ? "a whole number"
        : type == typeof(double) ? "a number such as 1.5"
        : type == typeof(bool) ? "true or false"
        : type == typeof(TimeSpan) ? "a duration such as 00:05:00"
        : type == typeof(Uri) ? "an absolute URL such as https://example.kz/path"
        : null;

    private static bool Fits(string value, Type type) =>
        type.IsEnum ? Enum.GetNames(type).Contains(value.Trim(), StringComparer.OrdinalIgnoreCase)
        : type == typeof(int) ? int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out _)
        : type == typeof(long) ? long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out _)
        : type == typeof(double) ? double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _)
        : type == typeof(bool) ? bool.TryParse(value, out _)
        : type == typeof(TimeSpan) ? TimeSpan.TryParse(value, CultureInfo.InvariantCulture, out _)
        : type != typeof(Uri) || Uri.TryCreate(value, UriKind.Absolute, out _);
}
