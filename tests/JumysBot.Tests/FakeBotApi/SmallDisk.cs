using System.Diagnostics;

namespace JumysBot.Tests.FakeBotApi;

/// <summary>
/// A few megabytes of tmpfs mounted for one test, so a full disk is real: SQLite gets ENOSPC from the kernel.
/// Needs root (the CI and the sandbox run as root); without it the test fails and says why, it is never skipped.
/// </summary>
public sealed class SmallDisk : IAsyncDisposable
{
    private SmallDisk(string folder) => Folder = folder;

    public string Folder { get; }

    public static async Task<SmallDisk> MountAsync(int megabytes)
    {
        var folder = Path.Combine(Path.GetTempPath(), "jumysbot-disks", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        await MustRunAsync("mount", "-t", "tmpfs", "-o", $"size={megabytes}m", "tmpfs", folder);
        return new SmallDisk(folder);
    }

    /// <summary>Writes a file until the disk refuses more; returns how to free the space again.</summary>
    public Action FillUp()
    {
        var path = Path.Combine(Folder, "filler");
        var block = new byte[4096];
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 1);
        try
        {
            while (true)
            {
                file.Write(block);
            }
        }
        catch (IOException)
        {
            // No space left on device: exactly what was wanted.
        }

        return () => File.Delete(path);
    }

    public async ValueTask DisposeAsync()
    {
        await RunAsync("umount", "-l", Folder);
        Directory.Delete(Folder, recursive: true);
    }

    private static async Task MustRunAsync(params string[] command)
    {
        var (code, error) = await RunAsync(command[0], command[1..]);
        if (code != 0)
        {
            throw new InvalidOperationException($"'{string.Join(' ', command)}' failed (the disk tests need root): {error}");
        }
    }

    private static async Task<(int Code, string Error)> RunAsync(string program, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(program, arguments) { RedirectStandardError = true, RedirectStandardOutput = true })!;
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, error);
    }
}
