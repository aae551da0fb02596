using System.Diagnostics;

namespace JumysBot.Benchmarks;

/// <summary>The bot built in Release, run as its own process against the load fake.</summary>
internal sealed class BotProcess : IDisposable
{
    private readonly Process _process;

    private BotProcess(Process process, long startedAt)
    {
        _process = process;
        StartedAt = startedAt;
    }

    public long StartedAt { get; }

    public static string BuildRelease(string repository)
    {
        var build = Process.Start(new ProcessStartInfo("dotnet", ["build", Path.Combine(repository, "src", "JumysBot", "JumysBot.csproj"), "-c", "Release", "--nologo", "-v", "q"])
        {
            RedirectStandardOutput = true,
        })!;
        build.StandardOutput.ReadToEnd();
        build.WaitForExit();
        if (build.ExitCode != 0)
        {
            throw new InvalidOperationException("The Release build of the bot failed.");
        }

        return Path.Combine(repository, "src", "JumysBot", "bin", "Release", "net10.0", "JumysBot.dll");
    }

    /// <summary>Where the bot's own endpoints (health, metrics) listen.</summary>
    public Uri Endpoints { get; private init; } = null!;

    public static BotProcess Start(string dll, Uri api, string database, IDictionary<string, string>? settings = null)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet", [dll])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(database)!,
        };
        start.Environment["Telegram__BotToken"] = LoadBotApi.Token;
        start.Environment["Telegram__ApiBaseUrl"] = api.ToString();
        start.Environment["Telegram__PollingTimeoutSeconds"] = "1";
        // The load server answers getMe with no user: name the bot, so it does not ask.
        start.Environment["Telegram__BotUsername"] = "jumys_load_bot";
        start.Environment["Storage__Path"] = database;
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Bot__FloodLimit"] = "1000";
        // As the Dockerfile runs it: two allocator arenas (see the soak notes in RESULTS.md).
        start.Environment["MALLOC_ARENA_MAX"] = "2";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        var startedAt = Stopwatch.GetTimestamp();
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new BotProcess(process, startedAt) { Endpoints = new Uri($"http://127.0.0.1:{port}") };
    }

    /// <summary>One figure from the bot's <c>/metrics</c>, summed over its label sets.</summary>
    public async Task<double> MetricAsync(string name) => Metric(await MetricsAsync(), name);

    /// <summary>The whole text of the bot's <c>/metrics</c>, to read several figures of one moment with <see cref="Metric"/>.</summary>
    public async Task<string> MetricsAsync()
    {
        using var http = new HttpClient();
        return await http.GetStringAsync(new Uri(Endpoints, "/metrics"));
    }

    /// <summary>One figure from a <c>/metrics</c> text, summed over its label sets.</summary>
    public static double Metric(string metrics, string name) =>
        metrics.Split('\n')
            .Where(l => l.StartsWith(name, StringComparison.Ordinal) && (l.Length == name.Length || l[name.Length] is ' ' or '{'))
            .Sum(l => double.Parse(l[(l.LastIndexOf(' ') + 1)..], System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>The cumulative buckets of a histogram in a <c>/metrics</c> text: upper bound (ms) and how many were at most that.</summary>
    public static IReadOnlyList<(double UpperBound, double Count)> Histogram(string metrics, string name)
    {
        var prefix = name + "_bucket{le=\"";
        return [.. metrics.Split('\n')
            .Where(l => l.StartsWith(prefix, StringComparison.Ordinal))
            .Select(l =>
            {
                var bound = l[prefix.Length..l.IndexOf('"', prefix.Length)];
                var count = double.Parse(l[(l.LastIndexOf(' ') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
                return (bound == "+Inf" ? double.PositiveInfinity : double.Parse(bound, System.Globalization.CultureInfo.InvariantCulture), count);
            })];
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The peak resident memory of the process so far (VmHWM), in megabytes.</summary>
    public double PeakWorkingSetMb() => Status("VmHWM") / 1024.0;

    /// <summary>The resident memory of the process now (VmRSS), in megabytes.</summary>
    public double WorkingSetMb() => Status("VmRSS") / 1024.0;

    /// <summary>The resident memory that belongs to the process alone (RssAnon: heaps and stacks, no mapped files), in megabytes.</summary>
    public double PrivateMemoryMb() => Status("RssAnon") / 1024.0;

    public int Threads() => (int)Status("Threads");

    /// <summary>Open file descriptors: files, sockets, pipes, event handles.</summary>
    public int Handles() => Directory.EnumerateFileSystemEntries($"/proc/{_process.Id}/fd").Count();

    /// <summary>Processor time the process used so far, user and kernel.</summary>
    public TimeSpan ProcessorTime()
    {
        _process.Refresh();
        return _process.TotalProcessorTime;
    }

    /// <summary>
    /// Processor time the process used so far, user and kernel apart, from <c>/proc/&lt;pid&gt;/stat</c> (fields 14 and 15,
    /// in clock ticks of 1/100 s on Linux).
    /// </summary>
    public (TimeSpan User, TimeSpan System) CpuTimes()
    {
        var stat = File.ReadAllText($"/proc/{_process.Id}/stat");
        // The command name (field 2) is in parentheses and may hold spaces: count fields after its closing one.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        const double TicksPerSecond = 100;
        return (TimeSpan.FromSeconds(long.Parse(fields[11], System.Globalization.CultureInfo.InvariantCulture) / TicksPerSecond),
            TimeSpan.FromSeconds(long.Parse(fields[12], System.Globalization.CultureInfo.InvariantCulture) / TicksPerSecond));
    }

    /// <summary>One numeric field of <c>/proc/&lt;pid&gt;/status</c> (memory fields are in kB).</summary>
    private double Status(string field)
    {
        foreach (var line in File.ReadLines($"/proc/{_process.Id}/status"))
        {
            if (line.StartsWith(field + ":", StringComparison.Ordinal))
            {
                return long.Parse(line[(field.Length + 1)..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        return double.NaN;
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
