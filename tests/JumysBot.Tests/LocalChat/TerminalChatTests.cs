using JumysBot.Hosting;
using JumysBot.LocalChat;
using JumysBot.Tests.FakeBotApi;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace JumysBot.Tests.LocalChat;

public sealed class TerminalChatTests
{
    [Fact]
    public async Task Numbers_press_buttons_and_end_of_input_exits_with_zero()
    {
        var (exitCode, output) = await ChatAsync("2", "1", "8");

        Assert.Equal(0, exitCode);
        Assert.Contains("  1. Қазақша", output);
        Assert.Contains("  2. Русский", output);
        Assert.Contains("Здравствуйте! Я JumysBot.", output);
        Assert.Contains("Кто вы: Я человек с инвалидностью.", output);
    }

    [Fact]
    public async Task Typed_words_contacts_and_places_go_through_the_same_conversation()
    {
        var (exitCode, output) = await ChatAsync("1", "басқа", "/contact +77011234567", "/location 49.80 73.11", "/location north", "көмек");

        Assert.Equal(0, exitCode);
        Assert.Contains("Сәлеметсіз бе!", output);
        Assert.Contains("Басты мәзір", output);
        Assert.Contains("Usage: /contact", output);
        Assert.Contains("/mydata — сіз туралы не сақтаймын", output);
    }

    [Fact]
    public async Task An_empty_input_exits_at_once_after_the_first_question()
    {
        var (exitCode, output) = await ChatAsync();

        Assert.Equal(0, exitCode);
        Assert.Contains("Выберите язык.", output);
    }

    private static async Task<(int ExitCode, string Output)> ChatAsync(params string[] lines)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Telegram:BotToken"] = "",
            ["Storage:Path"] = TempDatabase.NewPath(),
        });
        builder.AddJumysBot();
        await using var app = builder.Build();
        var output = new StringWriter();
        var exitCode = await app.Services.GetRequiredService<TerminalChat>()
            .RunAsync(new StringReader(string.Join('\n', lines)), output, CancellationToken.None);
        return (exitCode, output.ToString());
    }
}
