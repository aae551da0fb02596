using JumysBot.Catalog;
using JumysBot.Content;
using JumysBot.Hosting;
using JumysBot.Tests.FakeBotApi;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace JumysBot.Tests.Catalog;

/// <summary>Operators edit the YAML files on a running bot: good edits are taken, bad ones refused with the reason.</summary>
public sealed class ContentStoreTests
{
    [Fact]
    public async Task An_edited_title_is_picked_up_without_a_restart()
    {
        var folder = CopyOfShippedContent();
        using var store = Store(folder, new CapturedLogs());

        await EditAsync(folder, "Bastau Business — курс и грант", "Bastau Business и грант");

        await Eventually.TrueAsync(() => store.Version > 0);
        Assert.Equal("Bastau Business и грант", store.Current.Measures.Find("bastau-business")!.Title.Ru);
    }

    [Fact]
    public async Task Edits_keep_being_picked_up_also_when_an_editor_saves_by_renaming_a_new_file_over_the_old()
    {
        var folder = CopyOfShippedContent();
        using var store = Store(folder, new CapturedLogs());
        await EditAsync(folder, "ru: Bastau Business — курс и грант", "ru: Bastau Business, курс и грант");
        await Eventually.TrueAsync(() => store.Version == 1, "the first reload");

        // Like vim or an atomic save: the new text goes to a temporary file that then replaces the old one.
        var path = Path.Combine(folder, "measures.yaml");
        var temporary = Path.Combine(folder, ".measures.yaml.swp");
        await File.WriteAllTextAsync(temporary, (await File.ReadAllTextAsync(path)).Replace("Bastau Business, курс и грант", "Bastau Business, курс", StringComparison.Ordinal));
        File.Move(temporary, path, overwrite: true);

        await Eventually.TrueAsync(() => store.Current.Measures.Find("bastau-business")!.Title.Ru == "Bastau Business, курс", "the second reload");
    }

    [Fact]
    public async Task A_broken_edit_keeps_the_last_good_content_and_the_log_names_the_file_and_entry()
    {
        var folder = CopyOfShippedContent();
        var logs = new CapturedLogs();
        using var store = Store(folder, logs);
        var before = store.Current;

        await EditAsync(folder, "  - id: invataxi\n    category: social_help", "  - id: invataxi\n    category: taxi");

        await Eventually.TrueAsync(() => logs.Lines.Any(l => l.Contains("refused", StringComparison.Ordinal)));
        Assert.Same(before, store.Current);
        var line = logs.Lines.Single(l => l.Contains("refused", StringComparison.Ordinal));
        Assert.Contains("measures.yaml", line);
        Assert.Contains("'invataxi'", line);
        Assert.Contains("'category' is 'taxi'", line);
    }

    [Fact]
    public void Validate_content_reports_success_and_failure_like_the_command_line_does()
    {
        var good = new StringWriter();
        Assert.Equal(0, ValidateContentCommand.Run(new BotOptions { ContentPath = CopyOfShippedContent() }, good, TextWriter.Null));
        Assert.Contains("is valid", good.ToString());

        var broken = CopyOfShippedContent();
        File.WriteAllText(Path.Combine(broken, "strings.kk.yaml"), "start:\n  greeting: Сәлем\n");
        var errors = new StringWriter();
        Assert.Equal(1, ValidateContentCommand.Run(new BotOptions { ContentPath = broken }, TextWriter.Null, errors));
        Assert.Contains("is missing in strings.kk.yaml", errors.ToString());
    }

    [Theory]
    [InlineData("strings.kk.yaml", "    request: Өтінім қалдыру", "    request: Өтінім қалдыру, кеңесші сізге хабарласады", "'catalog.action.request' is a button label of 41 characters in Kazakh")]
    [InlineData("strings.ru.yaml", "  skip: Пропустить", "  skip: Пропустить этот вопрос и перейти дальше", "'feedback.skip' is a button label of 39 characters in Russian")]
    [InlineData("strings.ru.yaml", "  taken: Консультант начал работать с вашей заявкой № {number}.", "  taken: Консультант начал работать с вашей заявкой № {num}.", "'lead.taken' has placeholders {num} in Russian but {number} in Kazakh")]
    [InlineData("strings.kk.yaml", "    other: Басқа сұрақ\n", "", "'lead.kind.other' is missing in strings.kk.yaml")]
    [InlineData("points.yaml", "name: { ru: Темиртау, kk: Теміртау }", "name: { ru: Темиртау и все сёла вокруг него, kk: Теміртау }", "place 'temirtau': its name is a button label")]
    public void Validate_content_refuses_a_long_label_or_a_broken_pair_and_names_the_key(string file, string from, string to, string expected)
    {
        var folder = CopyOfShippedContent();
        var path = Path.Combine(folder, file);
        var text = File.ReadAllText(path);
        Assert.Contains(from, text, StringComparison.Ordinal);
        File.WriteAllText(path, text.Replace(from, to, StringComparison.Ordinal));
        var errors = new StringWriter();

        Assert.Equal(1, ValidateContentCommand.Run(new BotOptions { ContentPath = folder }, TextWriter.Null, errors));

        Assert.Contains(expected, errors.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("points.yaml", "serves: [karaganda]", "serves:")]
    [InlineData("points.yaml", "serves: [karaganda]", "serves: [[karaganda], {a: b}]")]
    [InlineData("strings.ru.yaml", "start:\n", "start:\n  nested: [1, 2]\n")]
    [InlineData("measures.yaml", "measures:", "measures: 17\nrest:")]
    [InlineData("measures.yaml", "measures:", ": : : [")]
    [InlineData("points.yaml", null, null)]
    public void Whatever_an_edit_breaks_the_running_bot_keeps_its_last_good_content(string file, string? from, string? to)
    {
        var folder = CopyOfShippedContent();
        var logs = new CapturedLogs();
        using var store = Store(folder, logs);
        var before = store.Current;
        var path = Path.Combine(folder, file);
        if (from is null)
        {
            // Unreadable: where the file was, there is a folder.
            File.Delete(path);
            Directory.CreateDirectory(path);
        }
        else
        {
            var text = File.ReadAllText(path);
            Assert.Contains(from, text, StringComparison.Ordinal);
            File.WriteAllText(path, text.Replace(from, to, StringComparison.Ordinal));
        }

        Assert.False(store.Reload());

        Assert.Same(before, store.Current);
        Assert.Contains(logs.Lines, l => l.Contains("refused", StringComparison.Ordinal));
    }

    internal static string CopyOfShippedContent()
    {
        var folder = Directory.CreateTempSubdirectory("jumysbot-content").FullName;
        foreach (var file in Directory.GetFiles(Tests.Localization.ContentFolder.Path, "*.yaml"))
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        }

        return folder;
    }

    internal static async Task EditAsync(string folder, string from, string to)
    {
        var path = Path.Combine(folder, "measures.yaml");
        var text = await File.ReadAllTextAsync(path);
        Assert.Contains(from, text, StringComparison.Ordinal);
        await File.WriteAllTextAsync(path, text.Replace(from, to, StringComparison.Ordinal));
    }

    private static ContentStore Store(string folder, ILoggerProvider logs)
    {
        // Not disposed: the store logs for as long as the test runs.
#pragma warning disable CA2000
        var factory = LoggerFactory.Create(b => b.AddProvider(logs));
#pragma warning restore CA2000
        return new ContentStore(Options.Create(new BotOptions { ContentPath = folder }), factory.CreateLogger<ContentStore>());
    }
}
