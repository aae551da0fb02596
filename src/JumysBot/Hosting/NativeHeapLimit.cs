using System.Runtime.InteropServices;

namespace JumysBot.Hosting;

/// <summary>
/// Caps the C allocator's arenas before the bot's threads start. glibc gives each thread that meets a busy heap an arena
/// of its own (up to eight a core) and keeps their freed memory; SQLite allocates from whichever pool thread runs a
/// query, so a long run drifted up by some 15 MB of native memory (RESULTS.md, soak). Two arenas keep it flat.
/// </summary>
internal static class NativeHeapLimit
{
    private const int MaxArenasOption = -8; // M_ARENA_MAX in glibc's malloc.h
    private const int Arenas = 2;

    /// <summary>True when glibc took the limit; false elsewhere (another C library, another system) or when the
    /// operator already chose one with <c>MALLOC_ARENA_MAX</c>.</summary>
    public static bool Apply()
    {
        if (!OperatingSystem.IsLinux() || Environment.GetEnvironmentVariable("MALLOC_ARENA_MAX") is not null)
        {
            return false;
        }

        try
        {
            return SetMallocOption(MaxArenasOption, Arenas) == 1;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    // DllImport rather than LibraryImport: the generated form needs unsafe code enabled for the whole project.
    [DllImport("libc", EntryPoint = "mallopt")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int SetMallocOption(int option, int value);
}
