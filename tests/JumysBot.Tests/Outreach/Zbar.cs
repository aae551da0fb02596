using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace JumysBot.Tests.Outreach;

/// <summary>
/// Reads a QR code the way a phone would, with <c>zbarimg</c> from Debian's zbar-tools (<c>test.sh</c> installs it).
/// Without it the poster tests fail, never skip: an unscannable poster must not pass unnoticed.
/// </summary>
internal static class Zbar
{
    public static async Task<string> DecodeAsync(string imagePath)
    {
        var start = new ProcessStartInfo("zbarimg", ["--raw", "-q", imagePath])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (Win32Exception e)
        {
            Assert.Fail($"zbarimg is not installed, so the poster's QR code cannot be checked ({e.Message}). " +
                "Install it with: apt-get install -y --no-install-recommends zbar-tools (bash test.sh does this when it is missing).");
            throw;
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await process.WaitForExitAsync(timeout.Token);
            Assert.True(process.ExitCode == 0, $"zbarimg found no QR code in {imagePath} (exit code {process.ExitCode}): {await errors}");
            return (await output).TrimEnd('\n', '\r');
        }
    }

    public static async Task<string> DecodeAsync(byte[] image)
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("jumysbot-qr").FullName, "code.png");
        await File.WriteAllBytesAsync(path, image);
        return await DecodeAsync(path);
    }
}
