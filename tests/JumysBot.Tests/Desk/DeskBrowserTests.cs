using System.Globalization;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace JumysBot.Tests.Desk;

/// <summary>
/// The desk in a real browser, for each of the four visitors, with Telegram's signed data as Telegram passes it:
/// what each sees and may do, a status changed on the page reaching the card and the person, refusals, the keyboard,
/// and axe-core run in every page. The pictures in docs/operators.md are taken here.
/// </summary>
public sealed class DeskBrowserTests(DeskBrowserFixture fixture) : IClassFixture<DeskBrowserFixture>
{
    private readonly DeskWorld _world = fixture.World;

    private string Lead => _world.Lead.ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_consultant_finds_a_request_by_number_takes_it_on_the_page_and_the_card_and_the_person_hear_it()
    {
        var page = await fixture.OpenAsync("/desk", DeskWorld.InitDataFor(DeskWorld.Consultant, "Ерлан"));
        await Expect(page.Locator("h1")).ToHaveTextAsync("Заявки: Карьерный центр Балхаша");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = $"Заявка № {_world.OverdueLead}" })).ToBeVisibleAsync();
        await Expect(page.Locator("tr", new() { HasText = $"Заявка № {_world.OverdueLead}" })).ToContainTextAsync("Просрочена");
        await AssertAccessibleAsync(page);
        await ScreenshotAsync(page, "desk-list.png", fullPage: true);

        // The first Tab reaches the skip link, and the form's fields are named by their labels.
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.Locator(":focus")).ToHaveTextAsync("Перейти к содержанию");
        await page.GetByLabel("Номер заявки").FillAsync(Lead);
        await page.GetByLabel("Номер заявки").PressAsync("Enter");
        await Expect(page.GetByText("Найдено заявок: 1.")).ToBeVisibleAsync();
        Assert.EndsWith($"/desk/p/{DeskWorld.Point}?number={Lead}", page.Url, StringComparison.Ordinal);

        await page.GetByRole(AriaRole.Link, new() { Name = $"Заявка № {Lead}" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync($"Заявка № {Lead}");
        await Expect(page.Locator("h1")).ToBeFocusedAsync();
        await Expect(page.Locator("main")).ToContainTextAsync("«Жанна»");
        await AssertAccessibleAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Взять в работу" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Статус изменён: В работе. Карточка в чате пункта обновлена.");
        await Expect(page.GetByRole(AriaRole.Status)).ToBeFocusedAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Связались" })).ToBeVisibleAsync();

        var edit = await _world.Api.WaitForCallAsync(
            c => c.Method == "editMessageText" && c.ChatId == DeskWorld.BalkhashChat && c.Text?.Contains($"Заявка № {Lead}. Статус — в работе.", StringComparison.Ordinal) == true,
            "the card edited in the chat");
        Assert.Contains("Статус изменил(а): Ерлан.", edit.Text, StringComparison.Ordinal);
        await _world.Person.ReadsUntilAsync($"Консультант начал работать с вашей заявкой № {Lead}");
        Assert.Equal("InProgress", _world.Scalar($"SELECT status FROM leads WHERE id = {Lead}"));

        await page.GetByLabel("Новая заметка").FillAsync("Перезвонить после обеда.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Сохранить заметку" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Заметка сохранена.");
        await Expect(page.Locator("#notes + p + ul")).ToContainTextAsync("Перезвонить после обеда.");
        await ScreenshotAsync(page, "desk-lead.png", fullPage: true);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_consultant_downloads_the_export_for_a_date_range()
    {
        var page = await fixture.OpenAsync($"/desk/p/{DeskWorld.Point}/export", DeskWorld.InitDataFor(DeskWorld.Consultant, "Ерлан"));
        await Expect(page.Locator("h1")).ToHaveTextAsync("Выгрузка заявок: Карьерный центр Балхаша");
        await AssertAccessibleAsync(page);

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Скачать CSV" }).ClickAsync());

        Assert.StartsWith($"leads-{DeskWorld.Point}-", download.SuggestedFilename, StringComparison.Ordinal);
        var csv = await File.ReadAllTextAsync(await download.PathAsync());
        Assert.Contains($"\"{Lead}\";", csv, StringComparison.Ordinal);
        Assert.Contains("\"'=HYPERLINK(", csv, StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Another_points_consultant_sees_their_own_point_and_a_refusal_for_this_request()
    {
        var page = await fixture.OpenAsync($"/desk/leads/{Lead}", DeskWorld.InitDataFor(DeskWorld.OtherConsultant, "Мадина"));
        await Expect(page.Locator("h1")).ToHaveTextAsync("Нет доступа");
        await Expect(page.Locator("body")).Not.ToContainTextAsync("Жанна");
        Assert.Equal(0, await page.GetByRole(AriaRole.Button, new() { Name = "Взять в работу" }).CountAsync());
        await AssertAccessibleAsync(page);
        await ScreenshotAsync(page, "desk-refused.png");

        await page.GetByRole(AriaRole.Link, new() { Name = "Мои пункты" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Заявки: Карьерный центр Сарани");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = $"Заявка № {_world.OtherPointLead}" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = $"Заявка № {Lead}" })).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task An_administrator_sees_the_dashboard_with_a_table_beside_each_chart()
    {
        // Administrators read the figures at their desks: Telegram Desktop's wider window.
        var page = await fixture.OpenAsync("/desk", DeskWorld.InitDataFor(DeskWorld.Admin, "Админ"), width: 1000);
        await Expect(page.Locator("h1")).ToHaveTextAsync("Пункты");
        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Показатели области" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Показатели области");

        await page.GetByLabel("Пункт", new() { Exact = true }).SelectOptionAsync(DeskWorld.Point);
        await page.GetByRole(AriaRole.Button, new() { Name = "Показать" }).ClickAsync();
        await Expect(page.Locator("main > p").First).ToContainTextAsync("Карьерный центр Балхаша");
        await Expect(page.Locator("section svg")).ToHaveCountAsync(6);
        await Expect(page.Locator("section table")).ToHaveCountAsync(6);
        var funnel = page.GetByRole(AriaRole.Table, new() { Name = "От начала разговора до помощи" });
        await Expect(funnel.GetByRole(AriaRole.Row, new() { Name = "Отправили заявку" })).ToContainTextAsync("1");
        await AssertAccessibleAsync(page);
        await ScreenshotAsync(page, "desk-dashboard.png", fullPage: true);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_stranger_and_forged_or_stale_signatures_get_nothing()
    {
        var stranger = await fixture.OpenAsync("/desk", DeskWorld.InitDataFor(DeskWorld.Stranger, "Кто-то"));
        await Expect(stranger.Locator("h1")).ToHaveTextAsync("Нет доступа");
        await Expect(stranger.GetByRole(AriaRole.Navigation)).ToHaveCountAsync(0);
        await AssertAccessibleAsync(stranger);
        await stranger.Context.CloseAsync();

        var forgedData = DeskWorld.InitDataFor(DeskWorld.Stranger).Replace($"%22id%22%3A{DeskWorld.Stranger}", $"%22id%22%3A{DeskWorld.Admin}", StringComparison.Ordinal);
        foreach (var initData in new[] { forgedData, DeskWorld.InitDataFor(DeskWorld.Admin, age: TimeSpan.FromDays(3)) })
        {
            var page = await fixture.OpenAsync($"/desk/leads/{Lead}", initData);
            await Expect(page.Locator("h1")).ToHaveTextAsync("Откройте рабочий стол из Telegram");
            await Expect(page.Locator("body")).Not.ToContainTextAsync("Жанна");
            await AssertAccessibleAsync(page);
            await page.Context.CloseAsync();
        }
    }

    /// <summary>axe-core, run in the page itself, finds nothing serious or critical.</summary>
    private static async Task AssertAccessibleAsync(IPage page)
    {
        var result = await page.RunAxe();
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, string.Join(Environment.NewLine, serious.Select(v => $"{v.Id} ({v.Impact}): {v.Help} — {string.Join("; ", v.Nodes.Select(n => n.Html))}")));
    }

    /// <summary>
    /// The pictures in docs/operators.md. They carry today's dates, so they are taken (into docs/images) only when
    /// JUMYSBOT_SCREENSHOTS=1, and otherwise into the test's own folder: a test run leaves the checkout as it was.
    /// </summary>
    private static async Task ScreenshotAsync(IPage page, string name, bool fullPage = false)
    {
        var folder = Environment.GetEnvironmentVariable("JUMYSBOT_SCREENSHOTS") == "1"
            ? Path.Combine(RepositoryRoot(), "docs", "images")
            : Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name), FullPage = fullPage });
    }

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Bot.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("Bot.sln not found above the test output.");
    }
}
