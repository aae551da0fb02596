using System.Globalization;
using System.Runtime.InteropServices;

namespace JumysBot.Benchmarks;

/// <summary>The one-line description of the machine a report was measured on.</summary>
internal static class Machine
{
    public static string Description() =>
        string.Create(CultureInfo.InvariantCulture, $"{Environment.ProcessorCount} cores ({CpuModel()}), {MemoryGb():0} GiB, {RuntimeInformation.OSDescription}, .NET {Environment.Version}");

    private static string CpuModel() =>
        File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown CPU"
            : "unknown CPU";

    private static double MemoryGb() => GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 1024.0 / 1024 / 1024;
}
