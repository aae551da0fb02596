using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace JumysBot.Benchmarks;

/// <summary>
/// A Bot API stand-in for load on 127.0.0.1: hands out queued updates by long polling, records every message sent
/// with its time, wakes whoever waits for a chat's reply, and can enforce Telegram's global send limit with 429s.
/// </summary>
internal sealed class LoadBotApi : IAsyncDisposable
{
    public const string Token = "1:BENCH";

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<(long Id, JsonObject Update)> _updates = new();
    private readonly ConcurrentDictionary<long, ChatLog> _chats = new();
    private readonly SemaphoreSlim _arrived = new(0);
    private readonly Lock _windowGate = new();
    private readonly Queue<long> _window = new();
    private long _nextUpdateId;
    private int _nextMessageId;

    private LoadBotApi(WebApplication app) => _app = app;

    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>Messages a second the fake allows overall before it answers 429; 0 means no limit.</summary>
    public int GlobalLimitPerSecond { get; set; }

    public long TooManyRequests;
    public long Sent;
    public long FirstGetUpdatesAt;

    public static async Task<LoadBotApi> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var api = new LoadBotApi(app);
        app.MapPost("/bot{token}/{method}", api.HandleAsync);
        await app.StartAsync();
        api.BaseUrl = new Uri(app.Urls.First());
        return api;
    }

    public long Enqueue(JsonObject update)
    {
        var id = Interlocked.Increment(ref _nextUpdateId);
        update["update_id"] = id;
        _updates.Enqueue((id, update));
        _arrived.Release();
        return id;
    }

    public ChatLog Chat(long chatId) => _chats.GetOrAdd(chatId, _ => new ChatLog());

    /// <summary>
    /// Webhook mode: from now on each queued update is posted to <paramref name="webhook"/> with the secret, up to 100
    /// at a time as Telegram does, and posted again until answered with 2xx.
    /// </summary>
    public void PostToWebhook(Uri webhook, string secret)
    {
        var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var connections = new SemaphoreSlim(100);
        _ = Task.Run(async () =>
        {
            while (!_stopping.IsCancellationRequested)
            {
                if (!_updates.TryDequeue(out var next))
                {
                    await ((Task)_arrived.WaitAsync(TimeSpan.FromMilliseconds(200), _stopping.Token)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                    continue;
                }

                await connections.WaitAsync(_stopping.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                _ = Task.Run(async () =>
                {
                    try
                    {
                        while (!_stopping.IsCancellationRequested && !await TryPostAsync(http, webhook, secret, next.Update))
                        {
                            await Task.Delay(100, _stopping.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                        }
                    }
                    finally
                    {
                        connections.Release();
                    }
                });
            }
        });
    }

    private async Task<bool> TryPostAsync(HttpClient http, Uri webhook, string secret, JsonObject update)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, webhook) { Content = new StringContent(update.ToJsonString(), System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", secret);
        try
        {
            using var response = await http.SendAsync(request, _stopping.Token);
            return response.IsSuccessStatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    /// <summary>Drops what a chat received, so a long run does not keep every finished person's messages.</summary>
    public void Forget(long chatId) => _chats.TryRemove(chatId, out _);

    private async Task HandleAsync(HttpContext context, string method)
    {
        var body = await JsonNode.ParseAsync(context.Request.Body) as JsonObject ?? [];
        if (method == "getUpdates")
        {
            Interlocked.CompareExchange(ref FirstGetUpdatesAt, Stopwatch.GetTimestamp(), 0);
            await WriteAsync(context, await GetUpdatesAsync(body, context.RequestAborted));
            return;
        }

        if (method is "sendMessage" or "editMessageText" or "sendVenue" or "sendVoice")
        {
            if (GlobalLimitPerSecond > 0 && !TakeGlobalSlot())
            {
                Interlocked.Increment(ref TooManyRequests);
                context.Response.StatusCode = 429;
                await context.Response.WriteAsync("""{"ok":false,"error_code":429,"description":"Too Many Requests: retry after 1","parameters":{"retry_after":1}}""");
                return;
            }

            var chatId = body["chat_id"]!.GetValue<long>();
            var messageId = Interlocked.Increment(ref _nextMessageId);
            Interlocked.Increment(ref Sent);
            // A question offers buttons; a reply_markup that only removes the reply keyboard (after a shared contact) is none.
            var asks = body["reply_markup"] is JsonObject markup && (markup.ContainsKey("inline_keyboard") || markup.ContainsKey("keyboard"));
            Chat(chatId).Add(Stopwatch.GetTimestamp(), asks, body["text"]?.GetValue<string>());
            await WriteAsync(context, new JsonObject { ["message_id"] = messageId, ["date"] = 0, ["chat"] = new JsonObject { ["id"] = chatId, ["type"] = "private" } });
            return;
        }

        await WriteAsync(context, JsonValue.Create(true));
    }

    private bool TakeGlobalSlot()
    {
        var now = Stopwatch.GetTimestamp();
        lock (_windowGate)
        {
            while (_window.Count > 0 && Stopwatch.GetElapsedTime(_window.Peek(), now) > TimeSpan.FromSeconds(1))
            {
                _window.Dequeue();
            }

            if (_window.Count >= GlobalLimitPerSecond)
            {
                return false;
            }

            _window.Enqueue(now);
            return true;
        }
    }

    private readonly ConcurrentDictionary<long, JsonObject> _unconfirmed = new();

    private async Task<JsonNode> GetUpdatesAsync(JsonObject body, CancellationToken aborted)
    {
        var offset = body["offset"]?.GetValue<long>() ?? 0;
        foreach (var confirmed in _unconfirmed.Keys.Where(id => id < offset))
        {
            _unconfirmed.TryRemove(confirmed, out _);
        }

        var timeout = TimeSpan.FromSeconds(body["timeout"]?.GetValue<int>() ?? 0);
        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        while (true)
        {
            var batch = new JsonArray();
            foreach (var pending in _unconfirmed.Where(p => p.Key >= offset).OrderBy(p => p.Key).Take(100))
            {
                batch.Add(pending.Value.DeepClone());
            }

            while (batch.Count < 100 && _updates.TryDequeue(out var next))
            {
                _unconfirmed[next.Id] = next.Update;
                batch.Add(next.Update.DeepClone());
            }

            if (batch.Count > 0 || Stopwatch.GetTimestamp() >= deadline || aborted.IsCancellationRequested)
            {
                return batch;
            }

            try
            {
                await _arrived.WaitAsync(TimeSpan.FromMilliseconds(200), aborted);
            }
            catch (OperationCanceledException)
            {
                return batch;
            }
        }
    }

    private static async Task WriteAsync(HttpContext context, JsonNode? result)
    {
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(new JsonObject { ["ok"] = true, ["result"] = result }.ToJsonString());
    }

    private readonly CancellationTokenSource _stopping = new();

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _arrived.Dispose();
    }
}

/// <summary>What one chat received, and a way to wait for the next question (a message with buttons).</summary>
internal sealed class ChatLog
{
    private readonly Lock _gate = new();
    private readonly List<(long At, bool HasButtons, string? Text)> _messages = [];
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _messages.Count;
            }
        }
    }

    public long? FirstAt
    {
        get
        {
            lock (_gate)
            {
                return _messages.Count > 0 ? _messages[0].At : null;
            }
        }
    }

    /// <summary>How many messages arrived between two timestamps (<see cref="Stopwatch.GetTimestamp"/>).</summary>
    public int CountBetween(long from, long to)
    {
        lock (_gate)
        {
            return _messages.Count(m => m.At >= from && m.At <= to);
        }
    }

    public void Add(long at, bool hasButtons, string? text)
    {
        TaskCompletionSource changed;
        lock (_gate)
        {
            _messages.Add((at, hasButtons, text));
            changed = _changed;
            _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        changed.TrySetResult();
    }

    /// <summary>Waits until a message with buttons arrives after the first <paramref name="seen"/>; returns the first reply's time.</summary>
    public async Task<long> WaitForQuestionAsync(int seen, TimeSpan within)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(within.TotalSeconds * Stopwatch.Frequency);
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                if (_messages.Skip(seen).Any(m => m.HasButtons))
                {
                    return _messages[seen].At;
                }

                changed = _changed.Task;
            }

            var left = deadline - Stopwatch.GetTimestamp();
            if (left <= 0)
            {
                throw new TimeoutException($"No question after message {seen}; last: {(_messages.Count > 0 ? _messages[^1].Text : "none")}");
            }

            await changed.WaitAsync(TimeSpan.FromSeconds((double)left / Stopwatch.Frequency));
        }
    }
}
