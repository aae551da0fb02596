using System.Net;
using System.Net.Sockets;
using Telegram.Bot;
using Telegram.Bot.Exceptions;

namespace JumysBot.Tests.Telegram;

public class ApiErrorTests
{
    [Fact]
    public async Task Too_many_requests_carries_retry_after()
    {
        await using var server = await LoopbackApiServer.StartAsync();
        server.Reply(429, """{"ok":false,"error_code":429,"description":"Too Many Requests: retry after 17","parameters":{"retry_after":17}}""");

        var e = await Assert.ThrowsAsync<ApiRequestException>(() => server.CreateClient().SendMessage(42, "Сәлем"));

        Assert.Equal(429, e.ErrorCode);
        Assert.Equal(17, e.Parameters?.RetryAfter);
        Assert.Equal("Too Many Requests: retry after 17", e.Message);
        AssertNoToken(e);
        // The client does not wait and retry by itself: the outbox waits out retry_after for that chat alone.
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task A_group_that_became_a_supergroup_carries_the_new_chat_id()
    {
        await using var server = await LoopbackApiServer.StartAsync();
        server.Reply(400, """
            {"ok":false,"error_code":400,"description":"Bad Request: group chat was upgraded to a supergroup chat",
             "parameters":{"migrate_to_chat_id":-1001234567890123}}
            """);

        var e = await Assert.ThrowsAsync<ApiRequestException>(() => server.CreateClient().SendMessage(-4000000001, "Новая заявка"));

        Assert.Equal(400, e.ErrorCode);
        Assert.Equal(-1001234567890123, e.Parameters?.MigrateToChatId);
    }

    [Fact]
    public async Task A_blocked_bot_is_a_403_that_an_exception_filter_can_catch()
    {
        await using var server = await LoopbackApiServer.StartAsync();
        server.Reply(403, """{"ok":false,"error_code":403,"description":"Forbidden: bot was blocked by the user"}""");

        var blocked = false;
        try
        {
            await server.CreateClient().SendMessage(42, "Сәлем");
        }
        catch (ApiRequestException e) when (e.ErrorCode == 403)
        {
            blocked = true;
            Assert.Equal("Forbidden: bot was blocked by the user", e.Message);
            Assert.Null(e.Parameters);
        }

        Assert.True(blocked);
    }

    [Fact]
    public async Task An_html_gateway_error_is_a_transport_error_not_an_api_error()
    {
        await using var server = await LoopbackApiServer.StartAsync();
        server.Reply(502, "<html><body><h1>502 Bad Gateway</h1></body></html>", "text/html");

        var e = await Assert.ThrowsAsync<RequestException>(() => server.CreateClient().GetMe());

        Assert.IsNotType<ApiRequestException>(e);
        Assert.Equal(HttpStatusCode.BadGateway, e.HttpStatusCode);
        Assert.NotNull(e.InnerException);
        AssertNoToken(e);
    }

    [Fact]
    public async Task A_refused_connection_is_a_transport_error_without_the_token()
    {
        var client = LoopbackApiServer.CreateClient(new Uri($"http://127.0.0.1:{ClosedPort()}/"));

        var e = await Assert.ThrowsAsync<RequestException>(() => client.SendMessage(42, "Сәлем"));

        Assert.IsType<HttpRequestException>(e.InnerException);
        AssertNoToken(e);
    }

    [Fact]
    public async Task A_timeout_is_a_transport_error()
    {
        await using var server = await LoopbackApiServer.StartAsync();
        server.Reply(200, """{"ok":true,"result":[]}""", delay: TimeSpan.FromSeconds(30));
        var client = server.CreateClient(timeout: TimeSpan.FromMilliseconds(300));

        var e = await Assert.ThrowsAsync<RequestException>(() => client.GetUpdates(timeout: 25));

        Assert.IsType<TaskCanceledException>(e.InnerException);
        AssertNoToken(e);
    }

    [Fact]
    public async Task Cancellation_by_the_caller_is_not_wrapped()
    {
        await using var server = await LoopbackApiServer.StartAsync();
        server.Reply(200, """{"ok":true,"result":[]}""", delay: TimeSpan.FromSeconds(30));
        using var stopping = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => server.CreateClient().GetUpdates(timeout: 25, cancellationToken: stopping.Token));
    }

    [Fact]
    public async Task Ok_json_that_is_not_a_bot_api_response_is_a_transport_error()
    {
        await using var server = await LoopbackApiServer.StartAsync();
        server.Reply(200, """{"status":"fine"}""");

        var e = await Assert.ThrowsAsync<RequestException>(() => server.CreateClient().GetMe());

        Assert.IsNotType<ApiRequestException>(e);
    }

    private static void AssertNoToken(Exception e)
    {
        Assert.DoesNotContain(LoopbackApiServer.Token, e.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("SECRET", e.ToString(), StringComparison.Ordinal);
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
