using JumysBot.Catalog;
using JumysBot.Content;
using JumysBot.Hosting;
using JumysBot.Leads.Points;
using JumysBot.Leads;
using JumysBot.Localization;
using JumysBot.Telegram;
using Microsoft.Extensions.Options;

namespace JumysBot.Outreach;

/// <summary>
/// <c>dotnet run --project src/JumysBot -- poster &lt;pointId&gt; [--out &lt;file.png&gt;]</c> writes a point's QR code
/// (PNG) and its A4 poster (SVG, beside it); <c>poster --all [--out &lt;folder&gt;]</c> writes them for every point.
/// Works offline: the link's bot name comes from <c>Telegram:BotUsername</c>.
/// </summary>
public static class PosterCommand
{
    public const string Name = "poster";
    public const string Usage = "Usage: poster <pointId> [--out <file.png>]   or   poster --all [--out <folder>]";

    public static async Task<int> RunAsync(
        IReadOnlyList<string> arguments,
        IOptions<BotOptions> botOptions,
        IOptions<TelegramOptions> telegramOptions,
        TextWriter output,
        TextWriter errors,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(botOptions);
        ArgumentNullException.ThrowIfNull(telegramOptions);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(errors);
        if (Request.Parse(arguments) is not { } request)
        {
            await errors.WriteLineAsync(Usage);
            return 1;
        }

        try
        {
            var content = BotContent.Load(ContentStore.ContentFolder(botOptions.Value));
            var points = request.All ? content.Points.Points : [.. new[] { content.Points.FindPoint(request.PointId) }.OfType<Point>()];
            if (points.Count == 0)
            {
                await errors.WriteLineAsync($"There is no point '{request.PointId}'. The points are: {string.Join(", ", content.Points.Points.Select(p => p.Id))}.");
                return 1;
            }

            var username = telegramOptions.Value.BotUsername?.Trim().TrimStart('@');
            if (string.IsNullOrEmpty(username))
            {
                await errors.WriteLineAsync(
                    "Telegram:BotUsername is not set: the poster's link needs the bot's @username. Set it (for example Telegram__BotUsername=my_bot) and run again.");
                return 1;
            }

            var intoFolder = request.All || request.Out is null || Directory.Exists(request.Out) || Path.EndsInDirectorySeparator(request.Out);
            foreach (var point in points)
            {
                var poster = PosterMaker.Make(point, username, content.Texts);
                var png = Path.GetFullPath(intoFolder ? Path.Combine(request.Out ?? ".", poster.PngFileName) : request.Out!);
                var svg = Path.ChangeExtension(png, ".svg");
                Directory.CreateDirectory(Path.GetDirectoryName(png)!);
                await File.WriteAllBytesAsync(png, poster.Png, cancellationToken);
                await File.WriteAllTextAsync(svg, poster.Svg, cancellationToken);
                await output.WriteLineAsync($"{point.Id} ({poster.Link}): QR code {png}, A4 poster {svg}");
            }

            return 0;
        }
        catch (ContentException e)
        {
            await errors.WriteLineAsync(e.Message);
            return 1;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await errors.WriteLineAsync("Could not write the poster: " + e.Message);
            return 1;
        }
        catch (OptionsValidationException e)
        {
            await errors.WriteLineAsync("The configuration is not valid: " + string.Join("; ", e.Failures));
            return 1;
        }
    }

    /// <summary>What the command line asked for: one point (<see cref="PointId"/>) or <see cref="All"/>, and where to write.</summary>
    private sealed record Request(string? PointId, bool All, string? Out)
    {
        public static Request? Parse(IReadOnlyList<string> arguments)
        {
            string? pointId = null;
            string? output = null;
            var all = false;
            for (var i = 0; i < arguments.Count; i++)
            {
                switch (arguments[i])
                {
                    case "--all":
                        all = true;
                        break;
                    case "--out" when i + 1 < arguments.Count && output is null:
                        output = arguments[++i];
                        break;
                    case var id when !id.StartsWith('-') && pointId is null:
                        pointId = id;
                        break;
                    default:
                        return null;
                }
            }

            return all == (pointId is not null) ? null : new Request(pointId, all, output);
        }
    }
}
