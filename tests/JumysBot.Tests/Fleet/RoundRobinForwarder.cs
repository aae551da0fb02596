using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace JumysBot.Tests.Fleet;

/// <summary>
/// A load balancer in miniature on loopback: each POST goes to the next bot instance in turn, body and headers as they
/// came. With a health path it also checks every backend four times a second, as a real balancer does, and sends
/// nothing to one that does not answer 200 there (down, or draining at a stop) until it does again; a backend that
/// refuses a connection is taken out at once.
/// </summary>
public sealed class RoundRobinForwarder : IAsyncDisposable
{
    private static readonly TimeSpan _checkEvery = TimeSpan.FromMilliseconds(250);

    private readonly WebApplication _app;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private readonly HttpClient _checks = new() { Timeout = TimeSpan.FromSeconds(1) };
    private readonly IReadOnlyList<Uri> _backends;
    private readonly bool[] _up;
    private readonly CancellationTokenSource _stop = new();
    private Task _checking = Task.CompletedTask;
    private int _next = -1;

    private RoundRobinForwarder(WebApplication app, IReadOnlyList<Uri> backends)
    {
        _app = app;
        _backends = backends;
        _up = [.. backends.Select(_ => true)];
    }

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>How many requests each backend was given.</summary>
    public int[] Forwarded { get; private set; } = [];

    /// <summary>How many forwarded requests each backend failed to answer (connection refused or reset).</summary>
    public int[] Failed { get; private set; } = [];

    /// <summary>Whether the balancer sends to this backend now.</summary>
    public bool IsUp(int backend) => Volatile.Read(ref _up[backend]);

    public static async Task<RoundRobinForwarder> StartAsync(IReadOnlyList<Uri> backends, string? healthPath = null)
    {
        ArgumentNullException.ThrowIfNull(backends);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var forwarder = new RoundRobinForwarder(app, backends) { Forwarded = new int[backends.Count], Failed = new int[backends.Count] };
        app.Run(forwarder.ForwardAsync);
        await app.StartAsync();
        forwarder.BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());
        if (healthPath is not null)
        {
            forwarder._checking = Task.Run(() => forwarder.CheckAsync(healthPath));
        }

        return forwarder;
    }

    private async Task CheckAsync(string healthPath)
    {
        while (!_stop.IsCancellationRequested)
        {
            await Task.WhenAll(_backends.Select(async (backend, index) =>
            {
                bool healthy;
                try
                {
                    using var response = await _checks.GetAsync(new Uri(backend, healthPath), _stop.Token);
                    healthy = response.IsSuccessStatusCode;
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    healthy = false;
                }

                Volatile.Write(ref _up[index], healthy);
            }));
            await Task.Delay(_checkEvery, _stop.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private int? NextBackend()
    {
        for (var tries = 0; tries < _backends.Count; tries++)
        {
            var index = (int)((uint)Interlocked.Increment(ref _next) % (uint)_backends.Count);
            if (IsUp(index))
            {
                return index;
            }
        }

        return null;
    }

    private async Task ForwardAsync(HttpContext context)
    {
        if (NextBackend() is not { } index)
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return;
        }

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
            // The instance is down: taken out until its health check passes, and the caller (Telegram) retries, as
            // it does on any non-2xx answer.
            Interlocked.Increment(ref Failed[index]);
            Volatile.Write(ref _up[index], false);
            context.Response.StatusCode = StatusCodes.Status502BadGateway;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _checking.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        await _app.StopAsync();
        await _app.DisposeAsync();
        _http.Dispose();
        _checks.Dispose();
        _stop.Dispose();
    }
}
