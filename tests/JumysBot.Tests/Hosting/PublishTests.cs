using System.Diagnostics;
using System.Text.RegularExpressions;

namespace JumysBot.Tests.Hosting;

/// <summary>What the Dockerfile relies on, checked without a Docker engine: the files it copies and the publish output.</summary>
public sealed partial class PublishTests
{
    internal static string Repository { get; } = FindRepository();

    [Fact]
    public void Every_file_the_dockerfile_copies_from_theRepository_exists()
    {
        var dockerfile = File.ReadAllText(Path.Combine(Repository, "Dockerfile"));
        var sources = CopyPattern().Matches(dockerfile).SelectMany(m => m.Groups[1].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries)[..^1]).ToList();

        Assert.NotEmpty(sources);
        Assert.All(sources, source => Assert.True(
            File.Exists(Path.Combine(Repository, source)) || Directory.Exists(Path.Combine(Repository, source)), $"{source} is missing"));
        Assert.Contains("USER $APP_UID", dockerfile, StringComparison.Ordinal);
        Assert.Contains("Storage__Path=/data/jumysbot.db", dockerfile, StringComparison.Ordinal);
        Assert.Contains("VOLUME /data", dockerfile, StringComparison.Ordinal);
        Assert.Contains("HEALTHCHECK", dockerfile, StringComparison.Ordinal);
        Assert.Contains("\"healthcheck\"", dockerfile, StringComparison.Ordinal);
        Assert.Contains("TZ=Asia/Almaty", dockerfile, StringComparison.Ordinal);
        Assert.Contains("MALLOC_ARENA_MAX=2", dockerfile, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_published_app_carries_its_content()
    {
        var folder = Directory.CreateTempSubdirectory("jumysbot-publish").FullName;
        var start = new ProcessStartInfo("dotnet", ["publish", Path.Combine(Repository, "src", "JumysBot", "JumysBot.csproj"), "-c", "Release", "-o", folder, "--nologo"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var publish = Process.Start(start)!;
        var output = publish.StandardOutput.ReadToEndAsync();
        var errors = publish.StandardError.ReadToEndAsync();
        await publish.WaitForExitAsync();

        Assert.True(publish.ExitCode == 0, await output + await errors);
        Assert.True(File.Exists(Path.Combine(folder, "JumysBot.dll")));
        Assert.True(File.Exists(Path.Combine(folder, "localization", "strings.ru.yaml")));
        Assert.True(File.Exists(Path.Combine(folder, "localization", "strings.kk.yaml")));
    }

    private static string FindRepository()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Bot.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("Bot.sln not found above the test folder.");
    }

    [GeneratedRegex(@"^COPY (?!--from)(.+)$", RegexOptions.Multiline)]
    private static partial Regex CopyPattern();
}
