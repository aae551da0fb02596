using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace JumysBot.Tests.FakeBotApi;

/// <summary>
/// A Telegram Bot API stand-in on 127.0.0.1: hands out queued updates through long polling, records every call,
/// answers sends with a message, and can be told to fail the next calls of a method.
/// </summary>
public sealed class FakeBotApiServer : IAsyncDisposable
{
    public const string Token = "123456:TEST-TOKEN";

    private readonly WebApplication _app;
    private readonly Lock _gate = new();
    private readonly List<JsonObject> _updates = [];
    private readonly List<ApiCall> _calls = [];
    private readonly Dictionary<long, List<ApiCall>> _callsByChat = [];
    private readonly List<string> _violations = [];
    private readonly Dictionary<long, DateTime> _retryUntil = [];
    private readonly HashSet<(string Method, long ChatId)> _lostAnswers = [];
    private readonly Dictionary<(string Method, long ChatId), TaskCompletionSource> _heldAnswers = [];
    private Random? _faults;

    /// <summary>How long a slow fault keeps the caller waiting; set it beyond the bot's request timeout.</summary>
    public TimeSpan SlowAnswer { get; set; } = TimeSpan.FromSeconds(5);
    private double _faultShare;
    private int _faultsInjected;
    private bool _owe429;
    private readonly Dictionary<string, int> _faultCounts = [];
    private readonly Dictionary<string, Queue<(int Status, string Body)>> _failures = [];
    private readonly Dictionary<(string, long), Queue<(int Status, string Body)>> _chatFailures = [];
    private readonly Dictionary<(long Chat, long User), string> _members = [];
    private readonly SemaphoreSlim _updateArrived = new(0);
    private readonly SemaphoreSlim _callArrived = new(0);
    private long _nextUpdateId = 1000;
    private int _nextMessageId = 1;

    private FakeBotApiServer(WebApplication app) => _app = app;

    public Uri BaseUrl { get; private set; } = null!;

    public IReadOnlyList<ApiCall> Calls
    {
        get
        {
            lock (_gate)
            {
                return [.. _calls];
            }
        }
    }

    public static async Task<FakeBotApiServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new FakeBotApiServer(app);
        app.MapPost("/bot{token}/{method}", server.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        server.BaseUrl = new Uri(address);
        return server;
    }

    /// <summary>Queues an update (the <c>update_id</c> is added when missing) and returns its id.</summary>
    public long Enqueue(JsonObject update)
    {
        ArgumentNullException.ThrowIfNull(update);
        lock (_gate)
        {
            if (update["update_id"] is null)
            {
                update["update_id"] = ++_nextUpdateId;
            }

            _updates.Add(update);
        }

        _updateArrived.Release();
        return update["update_id"]!.GetValue<long>();
    }

    /// <summary>Takes the queued updates away, waiting a little for one: Telegram's side of webhook mode.</summary>
    public async Task<IReadOnlyList<JsonObject>> TakeUpdatesAsync(TimeSpan wait, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_updates.Count > 0)
            {
                return TakeAll();
            }
        }

        try
        {
            await _updateArrived.WaitAsync(wait, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            return [];
        }

        lock (_gate)
        {
            return TakeAll();
        }

        List<JsonObject> TakeAll()
        {
            var taken = _updates.ToList();
            _updates.Clear();
            return taken;
        }
    }

    /// <summary>The next <paramref name="times"/> calls of <paramref name="method"/> fail with this status and body.</summary>
    public void FailNext(string method, int status, string body, int times = 1)
    {
        lock (_gate)
        {
            if (!_failures.TryGetValue(method, out var queue))
            {
                _failures[method] = queue = new Queue<(int, string)>();
            }

            for (var i = 0; i < times; i++)
            {
                queue.Enqueue((status, body));
            }
        }
    }

    /// <summary>
    /// From now on a share of all calls fail at random: 429 with retry_after 1 (sends), 502, a dropped connection, or
    /// an answer slower than <see cref="SlowAnswer"/> that is never carried out (recorded with status -1).
    /// A send to a chat inside its retry_after window is recorded as a violation.
    /// </summary>
    public void InjectFaults(double share, int seed)
    {
        lock (_gate)
        {
            _faults = new Random(seed);
            _faultShare = share;
        }
    }

    /// <summary>How many faults of a kind (<c>429</c>, <c>5xx</c>, <c>dropped</c>, <c>slow</c>) were injected, getUpdates included.</summary>
    public int FaultsInjected(string kind)
    {
        lock (_gate)
        {
            return _faultCounts.GetValueOrDefault(kind);
        }
    }

    /// <summary>The next call of <paramref name="method"/> to this chat fails with this status and body.</summary>
    public void FailNextFor(string method, long chatId, int status, string body)
    {
        lock (_gate)
        {
            if (!_chatFailures.TryGetValue((method, chatId), out var queue))
            {
                _chatFailures[(method, chatId)] = queue = new Queue<(int, string)>();
            }

            queue.Enqueue((status, body));
        }
    }

    /// <summary>The next call of <paramref name="method"/> to this chat is carried out, but its answer is lost on the way back.</summary>
    public void LoseNextAnswerFor(string method, long chatId)
    {
        lock (_gate)
        {
            _lostAnswers.Add((method, chatId));
        }
    }

    /// <summary>
    /// The next call of <paramref name="method"/> to this chat is carried out (and recorded), but its answer waits until
    /// the returned source is completed: a message in flight.
    /// </summary>
    public TaskCompletionSource HoldNextAnswerFor(string method, long chatId)
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            _heldAnswers[(method, chatId)] = release;
        }

        return release;
    }

    /// <summary>What getChatMember answers for this user in this chat (<c>member</c>, <c>administrator</c>, <c>left</c>…); <c>left</c> when never set.</summary>
    public void SetChatMember(long chatId, long userId, string status = "member")
    {
        lock (_gate)
        {
            _members[(chatId, userId)] = status;
        }
    }

    public IReadOnlyList<ApiCall> CallsOf(string method) => [.. Calls.Where(c => c.Method == method)];

    /// <summary>The calls addressed to one chat, without copying everyone else's (many virtual people wait at once).</summary>
    public IReadOnlyList<ApiCall> CallsTo(long chatId)
    {
        lock (_gate)
        {
            return _callsByChat.TryGetValue(chatId, out var calls) ? [.. calls] : [];
        }
    }

    /// <summary>Waits until a condition on the calls holds; fails with the last few calls if it does not in time.</summary>
    public async Task WaitUntilAsync(Func<bool> condition, string what, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(15));
        while (!condition())
        {
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                throw new TimeoutException($"{what} did not happen in time. Last calls:{Environment.NewLine}"
                    + string.Join(Environment.NewLine, Calls.TakeLast(10).Select(c => $"  {c.Method} {c.Body.ToJsonString()}")));
            }

            await _callArrived.WaitAsync(left < TimeSpan.FromMilliseconds(200) ? left : TimeSpan.FromMilliseconds(200));
        }
    }

    /// <summary>Requests the real Bot API would have refused (too long, empty, bad markup…), as the fake saw them.</summary>
    public IReadOnlyList<string> Violations
    {
        get
        {
            lock (_gate)
            {
                return [.. _violations];
            }
        }
    }

    /// <summary>Waits until a recorded call matches; fails the test with what was seen if none comes in time.</summary>
    public async Task<ApiCall> WaitForCallAsync(Func<ApiCall, bool> match, string what, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(15));
        while (true)
        {
            var found = Calls.FirstOrDefault(match);
            if (found is not null)
            {
                return found;
            }

            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                throw new TimeoutException($"No call {what} arrived. Calls seen:{Environment.NewLine}"
                    + string.Join(Environment.NewLine, Calls.Select(c => $"  {c.Method} {c.Body.ToJsonString()}")));
            }

            await _callArrived.WaitAsync(left < TimeSpan.FromMilliseconds(200) ? left : TimeSpan.FromMilliseconds(200));
        }
    }

    private async Task HandleAsync(HttpContext context, string token, string method)
    {
        var body = await ReadBodyAsync(context.Request);
        if (token != Token)
        {
            await WriteAsync(context, 401, """{"ok":false,"error_code":401,"description":"Unauthorized"}""");
            return;
        }

        (int Status, string Body)? failure = null;
        var drop = false;
        var slow = false;
        var loseAnswer = false;
        Task? held = null;
        lock (_gate)
        {
            var chat = body["chat_id"] is { } id ? long.Parse(id.ToString(), System.Globalization.CultureInfo.InvariantCulture) : (long?)null;
            if (chat is { } c && _retryUntil.TryGetValue(c, out var until) && DateTime.UtcNow < until)
            {
                _violations.Add($"{method} to {c} inside its retry_after window");
            }

            var sendsToChat = chat is not null && method != "getUpdates";
            if (_faults is not null && (_faults.NextDouble() < _faultShare || (_owe429 && sendsToChat)))
            {
                // Which call fails is random; the kinds take turns, so every kind shows up in a short run. A 429 is for
                // a send to a chat: when its turn falls on another call, the next send gets it.
                var turn = _owe429 && sendsToChat ? 0 : _faultsInjected++ % 4;
                _owe429 = turn == 0 && !sendsToChat;
                switch (turn)
                {
                    case 0 when sendsToChat:
                        _retryUntil[chat!.Value] = DateTime.UtcNow.AddSeconds(1);
                        failure = (429, """{"ok":false,"error_code":429,"description":"Too Many Requests: retry after 1","parameters":{"retry_after":1}}""");
                        break;
                    case 0 or 1:
                        failure = (502, "<html>502 Bad Gateway</html>");
                        break;
                    case 2:
                        drop = true;
                        failure = (0, "");
                        break;
                    default:
                        slow = true;
                        failure = (-1, "");
                        break;
                }

                var kind = failure!.Value.Status switch { 429 => "429", 502 => "5xx", 0 => "dropped", _ => "slow" };
                _faultCounts[kind] = _faultCounts.GetValueOrDefault(kind) + 1;
            }

            if (_failures.TryGetValue(method, out var queue) && queue.Count > 0)
            {
                failure = queue.Dequeue();
            }
            else if (body["chat_id"] is { } chatField
                && _chatFailures.TryGetValue((method, long.Parse(chatField.ToString(), System.Globalization.CultureInfo.InvariantCulture)), out var chatQueue)
                && chatQueue.Count > 0)
            {
                failure = chatQueue.Dequeue();
            }

            loseAnswer = failure is null && chat is { } lost && _lostAnswers.Remove((method, lost));
            if (failure is null && chat is { } heldChat && _heldAnswers.Remove((method, heldChat), out var release))
            {
                held = release.Task;
            }
            if (method != "getUpdates")
            {
                var call = new ApiCall(method, body, failure?.Status ?? 200) { At = DateTime.UtcNow };
                _calls.Add(call);
                if (call.ChatId is { } to)
                {
                    if (!_callsByChat.TryGetValue(to, out var list))
                    {
                        _callsByChat[to] = list = [];
                    }

                    list.Add(call);
                }
            }
        }

        _callArrived.Release();
        if (slow)
        {
            await Task.Delay(SlowAnswer, context.RequestAborted).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            context.Abort();
            return;
        }

        if (drop)
        {
            context.Abort();
            return;
        }

        if (failure is { } f)
        {
            await WriteAsync(context, f.Status, f.Body);
            return;
        }

        if (BotApiRules.Check(method, body) is { } violation)
        {
            lock (_gate)
            {
                _violations.Add($"{method}: {violation}");
            }

            await WriteAsync(context, 400, new JsonObject { ["ok"] = false, ["error_code"] = 400, ["description"] = "Bad Request: " + violation }.ToJsonString());
            return;
        }

        var result = method switch
        {
            "getUpdates" => await GetUpdatesAsync(body, context.RequestAborted),
            "sendMessage" or "editMessageText" or "sendVenue" or "sendDocument" or "sendVoice" or "editMessageReplyMarkup" => SentMessage(body),
            "getChatMember" => ChatMember(body),
            "getMe" => JsonNode.Parse("""{"id":123456,"is_bot":true,"first_name":"JumysBot","username":"jumys_test_bot"}"""),
            _ => JsonValue.Create(true),
        };
        if (held is not null)
        {
            await held.WaitAsync(context.RequestAborted).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        if (loseAnswer)
        {
            context.Abort();
            return;
        }

        await WriteAsync(context, 200, new JsonObject { ["ok"] = true, ["result"] = result }.ToJsonString());
    }

    private async Task<JsonNode> GetUpdatesAsync(JsonObject body, CancellationToken aborted)
    {
        var offset = body["offset"]?.GetValue<long>() ?? 0;
        var timeout = TimeSpan.FromSeconds(body["timeout"]?.GetValue<int>() ?? 0);
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            lock (_gate)
            {
                // Like Telegram: an offset confirms every update below it, and they are forgotten.
                _updates.RemoveAll(u => u["update_id"]!.GetValue<long>() < offset);
                if (_updates.Count > 0)
                {
                    return new JsonArray([.. _updates.Take(100).Select(u => u.DeepClone())]);
                }
            }

            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || aborted.IsCancellationRequested)
            {
                return new JsonArray();
            }

            try
            {
                await _updateArrived.WaitAsync(left, aborted);
            }
            catch (OperationCanceledException)
            {
                return new JsonArray();
            }
        }
    }

    private JsonObject ChatMember(JsonObject body)
    {
        var chat = long.Parse(body["chat_id"]!.ToString(), System.Globalization.CultureInfo.InvariantCulture);
        var user = long.Parse(body["user_id"]!.ToString(), System.Globalization.CultureInfo.InvariantCulture);
        string status;
        lock (_gate)
        {
            status = _members.GetValueOrDefault((chat, user), "left");
        }

        return new JsonObject
        {
            ["status"] = status,
            ["user"] = new JsonObject { ["id"] = user, ["is_bot"] = false, ["first_name"] = "user" },
            ["can_be_edited"] = false, ["is_anonymous"] = false, ["can_manage_chat"] = true, ["can_delete_messages"] = true,
            ["can_manage_video_chats"] = true, ["can_restrict_members"] = true, ["can_promote_members"] = false, ["can_change_info"] = true,
            ["can_invite_users"] = true, ["can_post_stories"] = false, ["can_edit_stories"] = false, ["can_delete_stories"] = false,
        };
    }

    private JsonObject SentMessage(JsonObject body)
    {
        var messageId = Interlocked.Increment(ref _nextMessageId);
        return new JsonObject
        {
            ["message_id"] = messageId,
            ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["chat"] = new JsonObject { ["id"] = long.Parse(body["chat_id"]!.ToString(), System.Globalization.CultureInfo.InvariantCulture), ["type"] = "private" },
            ["text"] = body["text"]?.DeepClone(),
        };
    }

    private static async Task<JsonObject> ReadBodyAsync(HttpRequest request)
    {
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync();
            var fields = new JsonObject();
            foreach (var (key, value) in form)
            {
                fields[key] = value.ToString();
            }

            foreach (var file in form.Files)
            {
                using var bytes = new MemoryStream();
                await file.CopyToAsync(bytes);
                // A field that says "attach://<part>" names the file part, as the Bot API's multipart uploads do.
                var name = form.FirstOrDefault(f => f.Value.ToString() == "attach://" + file.Name).Key ?? file.Name;
                fields[name + "_filename"] = file.FileName;
                // As text for a CSV, and byte for byte (base64) for an image.
                fields[name + "_content"] = new System.Text.UTF8Encoding(false).GetString(bytes.ToArray());
                fields[name + "_base64"] = Convert.ToBase64String(bytes.ToArray());
            }

            return fields;
        }

        using var reader = new StreamReader(request.Body);
        var text = await reader.ReadToEndAsync();
        return string.IsNullOrWhiteSpace(text) ? [] : JsonNode.Parse(text) as JsonObject ?? [];
    }

    private static async Task WriteAsync(HttpContext context, int status, string json)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(json);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _updateArrived.Dispose();
        _callArrived.Dispose();
    }
}

/// <summary>One recorded Bot API call: its method, its JSON (or form fields), and the status the fake answered.</summary>
public sealed record ApiCall(string Method, JsonObject Body, int Status)
{
    public DateTime At { get; init; }

    public long? ChatId => Body["chat_id"] is { } id ? long.Parse(id.ToString(), System.Globalization.CultureInfo.InvariantCulture) : null;

    public string? Text => Body["text"]?.GetValue<string>();

    /// <summary>The reply keyboard's buttons (which send their label as text), row by row flattened.</summary>
    public IReadOnlyList<(string Label, bool RequestsContact, bool RequestsLocation)> KeyboardButtons =>
        Body["reply_markup"]?["keyboard"] is JsonArray rows
            ? [.. rows.SelectMany(r => r!.AsArray()).Select(b => (b!["text"]!.GetValue<string>(), b["request_contact"]?.GetValue<bool>() == true, b["request_location"]?.GetValue<bool>() == true))]
            : [];

    public bool RemovesKeyboard => Body["reply_markup"]?["remove_keyboard"]?.GetValue<bool>() == true;

    /// <summary>The inline buttons' labels and data, row by row flattened.</summary>
    public IReadOnlyList<(string Label, string Data)> Buttons =>
        Body["reply_markup"]?["inline_keyboard"] is JsonArray rows
            ? [.. rows.SelectMany(r => r!.AsArray()).Select(b => (b!["text"]!.GetValue<string>(), b["callback_data"]?.GetValue<string>() ?? ""))]
            : [];

    public override string ToString() => $"{Method} {Body.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping })}";
}
