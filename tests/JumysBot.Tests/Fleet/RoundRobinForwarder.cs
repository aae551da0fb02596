using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace JumysBot.Tests.Fleet;

/// <summary>A load balancer in miniature on loopback: each POST goes to the next bot instance in turn, body and headers as they came.</summary>
public sealed class RoundRobinForwarder : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private readonly IReadOnlyList<Uri> _backends;
    private int _next = -1;

    private RoundRobinForwarder(WebApplication app, IReadOnlyList<Uri> backends)
    {
        _app = app;
        _backends = backends;
    }

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>How many requests each backend was given.</summary>
    public int[] Forwarded { get; private set; } = [];

    public static async Task<RoundRobinForwarder> StartAsync(IReadOnlyList<Uri> backends)
    {
        ArgumentNullException.ThrowIfNull(backends);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var forwarder = new RoundRobinForwarder(app, backends) { Forwarded = new int[backends.Count] };
        app.Run(forwarder.ForwardAsync);
        await app.StartAsync();
        forwarder.BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());
        return forwarder;
    }

    private async Task ForwardAsync(HttpContext context)
    {
        var index = (int)((uint)Interlocked.Increment(ref _next) % (uint)_backends.Count);
        Interlocked.Increment(ref Forwarded[index]);
        using var request = new HttpRequestMessage(new HttpMethod(context.Request.Method), new Uri(_backends[index], context.Request.Path + context.Request.QueryString));
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted);
        request.Content = new ByteArrayContent(body.ToArray());
        request.Content.Headers.TryAddWithoutValidation("Content-Type", context.Request.ContentType ?? "application/json");
        foreach (var header in context.Request.Headers.Where(h => h.Key.StartsWith("X-", StringComparison.OrdinalIgnoreCase)))
        {
            request.Headers.TryAddWithoutValidation(header.Key, header.Value.ToArray());
        }

        try
        {
            using var response = await _http.SendAsync(request, context.RequestAborted);
            context.Response.StatusCode = (int)response.StatusCode;
        }
        catch (HttpRequestException)
        {
            // The instance is down: the caller (Telegram) retries, as it does on any non-2xx answer.
            context.Response.StatusCode = StatusCodes.Status502BadGateway;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _http.Dispose();
    }
}
