using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using JumysBot.Catalog;
using JumysBot.Content;
using JumysBot.Outreach;
using JumysBot.Telegram;
using JumysBot.Tests.Localization;
using Microsoft.Extensions.Options;

namespace JumysBot.Tests.Outreach;

/// <summary>A point's poster scans as its start link and says, in Kazakh and Russian, which point it is.</summary>
public sealed partial class PosterTests
{
    private const string Bot = "jumys_test_bot";
    private const string TemirtauLink = "https://t.me/jumys_test_bot?start=p-jumystap-temirtau";
    private static readonly XNamespace _svg = "http://www.w3.org/2000/svg";
    private static readonly BotContent _content = BotContent.Load(ContentFolder.Path);

    [Fact]
    public async Task The_qr_code_png_scans_as_the_points_start_link()
    {
        var poster = Make("jumystap-temirtau");

        Assert.Equal(TemirtauLink, poster.Link.AbsoluteUri);
        Assert.Equal(TemirtauLink, await Zbar.DecodeAsync(poster.Png.ToArray()));
        Assert.Equal("poster-jumystap-temirtau.png", poster.PngFileName);
    }

    [Fact]
    public void The_png_names_the_point_in_both_languages_and_carries_the_link_in_chunks_with_valid_checksums()
    {
        var png = Make("jumystap-temirtau").Png.ToArray();

        var names = PngFile.InternationalTexts(png);
        Assert.Contains(("Title", "kk", "Теміртаудағы JumysTap кеңес беру пункті"), names);
        Assert.Contains(("Title", "ru", "Пункт консультации JumysTap в Темиртау"), names);
        Assert.Equal(TemirtauLink, PngFile.Texts(png)["Description"]);
        var chunks = PngFile.Chunks(png).Select(c => c.Type).ToList();
        Assert.Equal("IHDR", chunks[0]);
        Assert.True(chunks.IndexOf("pHYs") < chunks.IndexOf("IDAT"), "the print size comes before the image data");
        Assert.Equal("IEND", chunks[^1]);
    }

    [Fact]
    public void The_print_poster_shows_the_heading_the_name_and_the_hint_in_kazakh_and_russian_and_the_link()
    {
        var poster = Make("career-bukhar-zhyrau");

        var page = XDocument.Parse(poster.Svg).Root!;
        Assert.Equal("297mm", page.Attribute("height")?.Value);
        string Text(string language) => string.Join(" ", page.Elements(_svg + "text").Where(t => t.Attribute(XNamespace.Xml + "lang")?.Value == language).Select(t => t.Value));
        Assert.Contains("Бұқар жырау ауданының мансап орталығы", Text("kk"));
        Assert.Contains("Мүгедектігі бар адамдарға", Text("kk"));
        Assert.Contains("камерасын", Text("kk"));
        Assert.Contains("Карьерный центр Бухар-Жырауского района", Text("ru"));
        Assert.Contains("Работа и обучение для людей с инвалидностью", Text("ru"));
        Assert.Contains("Наведите камеру", Text("ru"));
        Assert.Equal("https://t.me/jumys_test_bot?start=p-career-bukhar-zhyrau", Text("en"));
        Assert.Equal("poster-career-bukhar-zhyrau.svg", poster.SvgFileName);
    }

    [Fact]
    public async Task The_print_posters_code_drawn_from_its_squares_scans_as_the_same_link()
    {
        var poster = Make("jumystap-temirtau");

        var code = XDocument.Parse(poster.Svg).Root!.Elements(_svg + "svg").Single();
        var count = int.Parse(code.Attribute("viewBox")!.Value.Split(' ')[2], CultureInfo.InvariantCulture);
        var dark = new bool[count, count];
        foreach (Match run in SquareRun().Matches(code.Element(_svg + "path")!.Attribute("d")!.Value))
        {
            var (x, y, width) = (Int(run, "x"), Int(run, "y"), Int(run, "w"));
            for (var i = x; i < x + width; i++)
            {
                dark[y, i] = true;
            }
        }

        Assert.Equal(TemirtauLink, await Zbar.DecodeAsync(PngFile.Draw(dark, scale: 8)));
    }

    [Fact]
    public void Every_points_poster_fits_on_the_page_even_with_the_longest_bot_name()
    {
        foreach (var point in _content.Points.Points)
        {
            var page = XDocument.Parse(PosterMaker.Make(point, new string('b', 32), _content.Texts).Svg).Root!;
            var code = page.Elements(_svg + "svg").Single();
            var codeBottom = Double(code, "y") + Double(code, "height");
            var texts = page.Elements(_svg + "text").Select(t => Double(t, "y")).ToList();

            Assert.True(Double(code, "height") >= 100, $"{point.Id}: the code is {Double(code, "height")} mm, too small to scan from a step away");
            Assert.All(texts, y => Assert.InRange(y, 10, 287));
            Assert.True(codeBottom < texts.Where(y => y > Double(code, "y")).Min(), $"{point.Id}: the text under the code overlaps it");
        }
    }

    [Fact]
    public void A_print_size_chunk_is_byte_for_byte_the_one_other_png_writers_make_for_72_dpi()
    {
        // pHYs at 2835 dots a metre, as found in countless PNGs; its last four bytes are the chunk's CRC-32.
        byte[] known = [0, 0, 0, 9, (byte)'p', (byte)'H', (byte)'Y', (byte)'s', 0, 0, 0x0B, 0x13, 0, 0, 0x0B, 0x13, 1, 0x00, 0x9A, 0x9C, 0x18];

        Assert.Equal(known, PngChunks.PrintResolution(72));
    }

    [Fact]
    public void A_configured_bot_username_wins_over_getMe_and_loses_its_at_sign()
    {
        var configured = new BotIdentity(Options.Create(new TelegramOptions { BotUsername = "@jumys_karaganda_bot" }));
        var learned = new BotIdentity(Options.Create(new TelegramOptions()));

        configured.Learn("other_bot");
        Assert.Null(learned.Username);
        learned.Learn(Bot);

        Assert.Equal("jumys_karaganda_bot", configured.Username);
        Assert.Equal(Bot, learned.Username);
    }

    private static PointPoster Make(string pointId) => PosterMaker.Make(_content.Points.FindPoint(pointId)!, Bot, _content.Texts);

    private static int Int(Match match, string group) => int.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);

    private static double Double(XElement element, string attribute) => double.Parse(element.Attribute(attribute)!.Value, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"M(?<x>\d+) (?<y>\d+)h(?<w>\d+)v1h-\k<w>z")]
    private static partial Regex SquareRun();
}
