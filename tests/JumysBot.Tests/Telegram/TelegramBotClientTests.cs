using JumysBot.Telegram;
using JumysBot.Telegram.Requests;
using JumysBot.Telegram.Types;
using Microsoft.Extensions.Options;

namespace JumysBot.Tests.Telegram;

public class TelegramBotClientTests
{
    private const string Me = """{"id":7000000001,"is_bot":true,"first_name":"JumysBot","username":"jumys_bot"}""";

    [Fact]
    public async Task Posts_to_bot_token_slash_method_and_reads_the_result()
    {
        await using var server = await LoopbackApiServer.StartAsync();
        server.ReplyOk(Me);

        var me = await server.CreateClient().GetMe();

        Assert.Equal(7000000001, me.Id);
        Assert.True(me.IsBot);
        Assert.Equal("jumys_bot", me.Username);
        var request = Assert.Single(server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal($"/bot{LoopbackApiServer.Token}/getMe", request.Path);
    }

    [Theory]
    [InlineData("", "/bot")]
    [InlineData("telegram", "/telegram/bot")]
    [InlineData("telegram/", "/telegram/bot")]
    [InlineData("local/api//", "/local/api/bot")]
    public async Task Tolerates_a_base_url_with_or_without_a_trailing_slash(string basePath, string expectedPrefix)
    {
        await using var server = await LoopbackApiServer.StartAsync();
        server.ReplyOk(Me);

        await LoopbackApiServer.CreateClient(new Uri(server.BaseUrl, basePath)).GetMe();

        Assert.Equal($"{expectedPrefix}{LoopbackApiServer.Token}/getMe", server.LastRequest.Path);
    }

    [Fact]
    public void Refuses_to_start_without_a_token()
    {
        using var httpClient = new HttpClient();

        Assert.Throws<ArgumentException>(() => new TelegramBotClient(httpClient, Options.Create(new TelegramOptions { BotToken = " " })));
    }

    [Fact]
    public async Task A_fake_client_needs_only_send_request()
    {
        var fake = new RecordingClient();

        await fake.AnswerCallbackQuery("q1", "Принято");

        var request = Assert.IsType<AnswerCallbackQueryRequest>(Assert.Single(fake.Requests));
        Assert.Equal("answerCallbackQuery", request.MethodName);
        Assert.Equal("q1", request.CallbackQueryId);
    }

    private sealed class RecordingClient : ITelegramBotClient
    {
        public List<object> Requests { get; } = [];

        public Task<TResponse> SendRequest<TResponse>(IRequest<TResponse> request, CancellationToken cancellationToken = default)
        {
            Requests.Add(request);
            return Task.FromResult(default(TResponse)!);
        }
    }
}
