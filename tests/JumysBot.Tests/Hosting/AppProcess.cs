using System.Diagnostics;
using System.Text;

namespace JumysBot.Tests.Hosting;

/// <summary>The built app (JumysBot.dll) as its own process, started the way an operator starts it.</summary>
internal sealed class AppProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _errors = new();

    private AppProcess(Process process, string workingFolder)
    {
        _process = process;
        WorkingFolder = workingFolder;
    }

    /// <summary>The process's current folder, a new temporary one for each start.</summary>
    public string WorkingFolder { get; }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public string Errors
    {
        get
        {
            lock (_errors)
            {
                return _errors.ToString();
            }
        }
    }

    public static AppProcess Start(IDictionary<string, string> environment, params string[] arguments)
    {
        var workingFolder = Directory.CreateTempSubdirectory("jumysbot-app").FullName;
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "JumysBot.dll"), .. arguments])
        {
            WorkingDirectory = workingFolder,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        start.Environment["Telegram__BotToken"] = "";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        start.Environment["Bot__FloodLimit"] = "1000";
        start.Environment["Telegram__PrivateChatMessagesPerSecond"] = "100";
        start.Environment["Telegram__PrivateChatBurst"] = "100";
        start.Environment["Telegram__GroupMessagesPerMinute"] = "1000";
        start.Environment["Telegram__GlobalMessagesPerSecond"] = "1000";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = new Process { StartInfo = start };
        var app = new AppProcess(process, workingFolder);
        process.OutputDataReceived += (_, e) => Append(app._output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(app._errors, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return app;
    }

    public async Task TypeAsync(params string[] lines)
    {
        foreach (var line in lines)
        {
            await _process.StandardInput.WriteLineAsync(line);
        }

        await _process.StandardInput.FlushAsync();
    }

    public void CloseInput() => _process.StandardInput.Close();

    /// <summary>Kills the process at once (SIGKILL), as a crash or a power cut would: no graceful stop.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    /// <summary>Asks the process to stop (SIGTERM), as a service manager or a rolling deploy does.</summary>
    public void Terminate()
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]) { UseShellExecute = false })!;
        kill.WaitForExit();
    }

    /// <returns>The exit code; a process still running after a minute is killed and fails the test.</returns>
    public async Task<int> WaitForExitAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await _process.WaitForExitAsync(timeout.Token);
        return _process.ExitCode;
    }

    private static void Append(StringBuilder target, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (target)
        {
            target.AppendLine(line);
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }
}
