using Telegram.Bot.Types;
using Microsoft.Extensions.Logging;
using JumysBot.Hosting;
using Microsoft.Extensions.Options;

namespace JumysBot.Updates;

/// <summary>
/// Runs updates of one chat strictly one after another, in arrival order, and different chats in parallel,
/// at most <see cref="BotOptions.MaxParallelChats"/> at a time.
/// </summary>
public sealed partial class ChatDispatcher : IAsyncDisposable
{
    private readonly Dictionary<long, Queue<Update>> _queues = [];
    private readonly HashSet<long> _queuedIds = [];
    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _slots;
    private readonly UpdateProcessor _processor;
    private readonly ILogger<ChatDispatcher> _logger;
    private readonly CancellationTokenSource _stopping = new();
    private int _inFlight;
    private TaskCompletionSource _idle = NewIdle(completed: true);

    public ChatDispatcher(UpdateProcessor processor, IOptions<BotOptions> options, ILogger<ChatDispatcher> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _processor = processor;
        _logger = logger;
        _slots = new SemaphoreSlim(options.Value.MaxParallelChats);
    }

    /// <summary>True while the update waits or is being handled here (a retry must not run it twice).</summary>
    public bool IsInFlight(long updateId)
    {
        lock (_gate)
        {
            return _queuedIds.Contains(updateId);
        }
    }

    public void Enqueue(Update update)
    {
        ArgumentNullException.ThrowIfNull(update);
        var chatId = IncomingMapper.ChatIdOf(update) ?? 0;
        Queue<Update> queue;
        lock (_gate)
        {
            if (!_queuedIds.Add(update.Id))
            {
                return;
            }

            if (_inFlight++ == 0)
            {
                _idle = NewIdle(completed: false);
            }

            if (_queues.TryGetValue(chatId, out var running))
            {
                running.Enqueue(update);
                return;
            }

            queue = new Queue<Update>();
            queue.Enqueue(update);
            _queues[chatId] = queue;
        }

        _ = Task.Run(() => DrainChatAsync(chatId, queue));
    }

    /// <summary>Completes when every accepted update has been handled.</summary>
    public Task WhenIdleAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return _idle.Task.WaitAsync(cancellationToken);
        }
    }

    private async Task DrainChatAsync(long chatId, Queue<Update> queue)
    {
        var token = _stopping.Token;
        while (true)
        {
            Update update;
            lock (_gate)
            {
                update = queue.Peek();
            }

            try
            {
                await _slots.WaitAsync(token);
                try
                {
                    await _processor.ProcessAsync(update, token);
                }
                finally
                {
                    _slots.Release();
                }
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                // Stopping: what is left stays unhandled in the inbox and is replayed at the next start.
            }
            catch (Exception e)
            {
                LogUnexpected(e, update.Id);
            }

            lock (_gate)
            {
                _queuedIds.Remove(queue.Dequeue().Id);
                if (--_inFlight == 0)
                {
                    _idle.TrySetResult();
                }

                if (queue.Count == 0)
                {
                    _queues.Remove(chatId);
                    return;
                }
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _stopping.Dispose();
    }

    private static TaskCompletionSource NewIdle(bool completed)
    {
        var idle = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (completed)
        {
            idle.SetResult();
        }

        return idle;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Update {UpdateId} could not be handled")]
    private partial void LogUnexpected(Exception exception, long updateId);
}
