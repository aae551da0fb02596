using System.Collections.Concurrent;
using JumysBot.Telegram;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Telegram.Bot;

namespace JumysBot.Tests.Telegram;

/// <summary>
/// A Kestrel server on 127.0.0.1 that records every request and answers each with the reply set last
/// (by default <c>{"ok":true,"result":true}</c>).
/// </summary>
public sealed class LoopbackApiServer : IAsyncDisposable
{
    public const string Token = "123456:SECRET-token_for-tests";

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private volatile CannedReply _reply = new(StatusCodes.Status200OK, """{"ok":true,"result":true}""", "application/json", TimeSpan.Zero);

    private LoopbackApiServer(WebApplication app) => _app = app;

    /// <summary>The address Kestrel bound, with the real port instead of 0.</summary>
    public Uri BaseUrl => new(_app.Urls.Single());

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    public RecordedRequest LastRequest => _requests.Last();

    public static async Task<LoopbackApiServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var server = new LoopbackApiServer(builder.Build());
        server._app.Run(server.Handle);
        await server._app.StartAsync();
        return server;
    }

    /// <summary>Answers every following request with this status and body.</summary>
    public void Reply(int statusCode, string body, string contentType = "application/json", TimeSpan delay = default) =>
        _reply = new CannedReply(statusCode, body, contentType, delay);

    public void ReplyOk(string resultJson) => Reply(StatusCodes.Status200OK, $$"""{"ok":true,"result":{{resultJson}}}""");

    /// <summary>Telegram.Bot's client, built as the bot builds it.</summary>
    public ITelegramBotClient CreateClient(TimeSpan? timeout = null) => CreateClient(BaseUrl, timeout);

    public static ITelegramBotClient CreateClient(Uri baseUrl, TimeSpan? timeout = null)
    {
        var httpClient = new HttpClient { Timeout = timeout ?? TimeSpan.FromSeconds(10) };
        return BotClientFactory.Create(new TelegramOptions { BotToken = Token, ApiBaseUrl = baseUrl }, httpClient);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task Handle(HttpContext context)
    {
        var request = context.Request;
        var fields = new Dictionary<string, string>();
        var files = new Dictionary<string, RecordedFile>();
        var body = "";
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(context.RequestAborted);
            foreach (var (name, value) in form)
            {
                fields[name] = value.ToString();
            }

            foreach (var file in form.Files)
            {
                using var content = new MemoryStream();
                await file.CopyToAsync(content, context.RequestAborted);
                // A field that says "attach://<part>" names the file part, as the Bot API's multipart uploads do.
                var name = form.FirstOrDefault(f => f.Value.ToString() == "attach://" + file.Name).Key ?? file.Name;
                files[name] = new RecordedFile(file.FileName, content.ToArray());
            }
        }
        else
        {
            using var reader = new StreamReader(request.Body);
            body = await reader.ReadToEndAsync(context.RequestAborted);
        }

        _requests.Enqueue(new RecordedRequest(request.Method, request.Path.Value ?? "", request.ContentType, body, fields, files));

        var reply = _reply;
        if (reply.Delay > TimeSpan.Zero)
        {
            await Task.Delay(reply.Delay, context.RequestAborted);
        }

        context.Response.StatusCode = reply.StatusCode;
        context.Response.ContentType = reply.ContentType;
        await context.Response.WriteAsync(reply.Body, context.RequestAborted);
    }

    private sealed record CannedReply(int StatusCode, string Body, string ContentType, TimeSpan Delay);
}
