using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using JumysBot.Hosting;
using JumysBot.Tests.FakeBotApi;
using JumysBot.Updates;

namespace JumysBot.Tests.Fleet;

/// <summary>
/// Telegram's side of webhook mode: posts each update the fake Bot API holds to the webhook address with the secret,
/// several at a time, and posts it again until it is answered with 2xx.
/// </summary>
public sealed class WebhookPusher : IAsyncDisposable
{
    private readonly FakeBotApiServer _api;
    private readonly Uri _webhook;
    private readonly string _secret;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private readonly SemaphoreSlim _connections = new(40);
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _deliveries = [];
    private readonly Task _loop;
    private int _retries;

    public WebhookPusher(FakeBotApiServer api, Uri webhook, string secret)
    {
        _api = api;
        _webhook = webhook;
        _secret = secret;
        _loop = Task.Run(RunAsync);
    }

    /// <summary>How many posts were answered with something other than 2xx and made again.</summary>
    public int Retries => Volatile.Read(ref _retries);

    private async Task RunAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            foreach (var update in await _api.TakeUpdatesAsync(TimeSpan.FromMilliseconds(200), _stop.Token))
            {
                await _connections.WaitAsync(_stop.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                lock (_deliveries)
                {
                    _deliveries.RemoveAll(d => d.IsCompleted);
                    _deliveries.Add(DeliverAsync(update));
                }
            }
        }
    }

    private async Task DeliverAsync(JsonObject update)
    {
        try
        {
            for (var attempt = 0; !_stop.IsCancellationRequested; attempt++)
            {
                using var content = new StringContent(update.ToJsonString(), Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
                using var request = new HttpRequestMessage(HttpMethod.Post, _webhook) { Content = content };
                request.Headers.Add(WebhookReceiver.SecretHeader, _secret);
                try
                {
                    using var response = await _http.SendAsync(request, _stop.Token);
                    if (response.IsSuccessStatusCode)
                    {
                        return;
                    }
                }
                catch (HttpRequestException)
                {
                    // Connection refused or reset: like any failure, Telegram tries again.
                }
                catch (TaskCanceledException) when (!_stop.IsCancellationRequested)
                {
                    // A timeout: tried again too.
                }

                Interlocked.Increment(ref _retries);
                await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(2000, 100 << Math.Min(attempt, 5))), _stop.Token);
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // Stopped.
        }
        finally
        {
            _connections.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        Task[] pending;
        lock (_deliveries)
        {
            pending = [.. _deliveries];
        }

        await Task.WhenAll(pending).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stop.Dispose();
        _http.Dispose();
        _connections.Dispose();
    }
}
