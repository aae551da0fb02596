using JumysBot.Tests.Hosting;
using JumysBot.Tests.Localization;

namespace JumysBot.Tests.Outreach;

/// <summary><c>dotnet JumysBot.dll poster …</c> as an operator runs it, offline, with only the bot's username set.</summary>
public sealed class PosterCommandTests
{
    private static readonly Dictionary<string, string> _withUsername = new() { ["Telegram__BotUsername"] = "jumys_test_bot" };

    [Fact]
    public async Task The_poster_command_writes_a_png_that_scans_as_the_points_start_link_and_the_a4_poster_beside_it()
    {
        var folder = Directory.CreateTempSubdirectory("jumysbot-posters").FullName;
        var file = Path.Combine(folder, "door", "temirtau.png");
        using var app = AppProcess.Start(_withUsername, "poster", "jumystap-temirtau", "--out", file);

        Assert.Equal(0, await app.WaitForExitAsync());

        Assert.Equal("https://t.me/jumys_test_bot?start=p-jumystap-temirtau", await Zbar.DecodeAsync(file));
        Assert.Contains("Теміртаудағы JumysTap кеңес беру пункті", await File.ReadAllTextAsync(Path.ChangeExtension(file, ".svg")));
        Assert.Contains(file, app.Output);
    }

    [Fact]
    public async Task Without_out_the_files_are_named_after_the_point_in_the_current_folder()
    {
        using var app = AppProcess.Start(_withUsername, "poster", "career-shet");

        Assert.Equal(0, await app.WaitForExitAsync());

        Assert.Equal("https://t.me/jumys_test_bot?start=p-career-shet", await Zbar.DecodeAsync(Path.Combine(app.WorkingFolder, "poster-career-shet.png")));
        Assert.True(File.Exists(Path.Combine(app.WorkingFolder, "poster-career-shet.svg")));
    }

    [Fact]
    public async Task All_writes_a_poster_for_every_point_each_scanning_as_its_own_link()
    {
        var folder = Directory.CreateTempSubdirectory("jumysbot-posters").FullName;
        using var app = AppProcess.Start(_withUsername, "poster", "--all", "--out", folder);

        Assert.Equal(0, await app.WaitForExitAsync());

        var points = JumysBot.Leads.Points.PointCatalogLoader.Load(ContentFolder.Path).Points;
        Assert.Equal(points.Count, Directory.GetFiles(folder, "poster-*.png").Length);
        foreach (var point in points)
        {
            Assert.Equal($"https://t.me/jumys_test_bot?start=p-{point.Id}", await Zbar.DecodeAsync(Path.Combine(folder, $"poster-{point.Id}.png")));
        }
    }

    [Fact]
    public async Task An_unknown_point_fails_and_lists_the_points_there_are()
    {
        using var app = AppProcess.Start(_withUsername, "poster", "jumystap-astana");

        Assert.NotEqual(0, await app.WaitForExitAsync());

        Assert.Contains("There is no point 'jumystap-astana'", app.Errors);
        Assert.Contains("jumystap-karaganda, jumystap-temirtau, career-karaganda", app.Errors);
        Assert.Empty(Directory.GetFiles(app.WorkingFolder, "*.png"));
    }

    [Fact]
    public async Task Without_the_bot_username_it_fails_and_names_the_setting()
    {
        using var app = AppProcess.Start(new Dictionary<string, string>(), "poster", "jumystap-temirtau");

        Assert.NotEqual(0, await app.WaitForExitAsync());

        Assert.Contains("Telegram:BotUsername is not set", app.Errors);
        Assert.Empty(Directory.GetFiles(app.WorkingFolder, "*.png"));
    }

    [Fact]
    public async Task Without_a_point_it_shows_how_to_use_it()
    {
        using var app = AppProcess.Start(_withUsername, "poster");

        Assert.NotEqual(0, await app.WaitForExitAsync());

        Assert.Contains("Usage: poster <pointId> [--out <file.png>]", app.Errors);
    }
}
