using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using JumysBot.Conversations;
using JumysBot.Hosting;
using JumysBot.Storage;
using JumysBot.Telegram;
using JumysBot.Tests.FakeBotApi;
using JumysBot.Tests.Storage.Stores;
using JumysBot.Updates;
using Microsoft.Extensions.Logging.Abstractions;
using static JumysBot.Tests.Fleet.FleetProcessKit;

namespace JumysBot.Tests.Fleet;

/// <summary>Several instances on one PostgreSQL: each update handled once and in order, the outbox sent once, jobs run once.</summary>
public sealed partial class FleetTests(PostgresTestStore store) : IClassFixture<PostgresTestStore>
{
    private static readonly CancellationToken _none = CancellationToken.None;

    [StoreFact]
    public async Task An_update_delivered_to_two_instances_at_once_is_stored_once_and_answered_once()
    {
        var location = await store.NewLocationAsync();
        await using var api = await FakeBotApiServer.StartAsync();
        await using var a = await BotUnderTest.StartAsync(api, settings: InProcessFleet.Settings(location));
        await using var b = await BotUnderTest.StartAsync(api, settings: InProcessFleet.Settings(location));
        var update = Update(7001, 43001, "/start");

        var answers = await Task.WhenAll(PostAsync(a, update), PostAsync(b, update), PostAsync(a, update), PostAsync(b, update));

        Assert.All(answers, status => Assert.Equal(HttpStatusCode.OK, status));
        var person = new TelegramPerson(api, 43001, "ru");
        await person.ReadsUntilAsync("Расскажите, кто вы");
        await Task.Delay(1500);
        // Answered once: the greeting and the role question are one message.
        Assert.Single(person.Received);
        var database = await TestStore.OpenAsync(location);
        await using var tx = await database.BeginReadAsync(_none);
        Assert.Equal(1L, await ScalarAsync(tx, "SELECT COUNT(*) FROM inbox"));
    }

    [StoreFact]
    public async Task An_update_left_unhandled_by_a_stopped_instance_is_taken_over_once_by_the_instances_starting_together()
    {
        var location = await store.NewLocationAsync();
        var database = await TestStore.OpenAsync(location, new ManualTimeProvider(DateTimeOffset.UtcNow.AddMinutes(-1)));
        await using (var tx = await database.BeginAsync(_none))
        {
            await tx.Inbox.TryAddAsync(7001, 43003, Update(7001, 43003, "/start"), _none);
            await tx.CommitAsync(_none);
        }

        await using var api = await FakeBotApiServer.StartAsync();
        var starting = Enumerable.Range(0, 3).Select(_ => BotUnderTest.StartAsync(api, settings: InProcessFleet.Settings(location))).ToList();
        var bots = await Task.WhenAll(starting);
        try
        {
            var person = new TelegramPerson(api, 43003, "ru");
            await person.ReadsUntilAsync("Расскажите, кто вы");
            await Task.Delay(1500);
            Assert.Single(person.Received);
        }
        finally
        {
            foreach (var bot in bots)
            {
                await bot.DisposeAsync();
            }
        }
    }

    [StoreFact]
    public async Task An_earlier_update_of_the_chat_still_waiting_at_another_instance_is_handled_first()
    {
        var location = await store.NewLocationAsync();
        await using var api = await FakeBotApiServer.StartAsync();
        await using var b = await BotUnderTest.StartAsync(api, settings: InProcessFleet.Settings(location));
        // Instance A stored /start and has not handled it yet (it is busy, or stopped right after storing it).
        var database = await TestStore.OpenAsync(location);
        await using (var tx = await database.BeginAsync(_none))
        {
            await tx.Inbox.TryAddAsync(7001, 43002, Update(7001, 43002, "/start"), _none);
            await tx.CommitAsync(_none);
        }

        Assert.Equal(HttpStatusCode.OK, await PostAsync(b, Update(7002, 43002, "/help")));

        var person = new TelegramPerson(api, 43002, "ru");
        await person.ReadsUntilAsync("Я понимаю кнопки");
        var texts = person.Received.Select(m => m.Text!).ToList();
        Assert.StartsWith("Здравствуйте!", texts[0], StringComparison.Ordinal);
        Assert.StartsWith("Я понимаю кнопки", texts[1], StringComparison.Ordinal);
    }

    [StoreFact]
    public async Task Two_instances_drain_one_outbox_sending_each_message_once_and_each_chat_in_order()
    {
        var location = await store.NewLocationAsync();
        var first = await TestStore.OpenAsync(location);
        var second = await TestStore.OpenAsync(location);
        await using (var tx = await first.BeginAsync(_none))
        {
            foreach (var i in Enumerable.Range(0, 10))
            {
                foreach (var chat in Enumerable.Range(1, 30))
                {
                    await tx.Outbox.AddAsync(new OutgoingMessage { ChatId = chat, Text = $"{chat}:{i}" }, _none);
                }
            }

            await tx.CommitAsync(_none);
        }

        var sent = new ConcurrentQueue<(long Chat, string Text)>();
        var senders = new[] { first, second }.Select(d => new OutboxSender(d, new SlowChannel(sent), TimeProvider.System, NullLogger<OutboxSender>.Instance)).ToList();

        var rounds = await Task.WhenAll(senders.Select(s => Task.Run(async () =>
        {
            var count = 0;
            for (var idle = 0; idle < 5; idle = await s.SendDueAsync(_none) > 0 ? 0 : idle + 1)
            {
                count++;
            }

            return count;
        })));

        Assert.Equal(300, sent.Count);
        Assert.Equal(300, sent.Select(s => s.Text).Distinct().Count());
        foreach (var chat in sent.GroupBy(s => s.Chat))
        {
            Assert.Equal(Enumerable.Range(0, 10).Select(i => $"{chat.Key}:{i}"), chat.Select(s => s.Text));
        }

        await using var read = await first.BeginReadAsync(_none);
        Assert.Equal(0, await read.Outbox.BacklogAsync(_none));
        Assert.All(rounds, r => Assert.True(r > 0));
    }

    [StoreFact]
    public async Task A_scheduled_job_runs_on_one_instance_and_passes_to_another_when_that_one_stops()
    {
        var location = await store.NewLocationAsync();
        var first = new JobLeadership(await TestStore.OpenAsync(location), NullLogger<JobLeadership>.Instance);
        await using var second = new JobLeadership(await TestStore.OpenAsync(location), NullLogger<JobLeadership>.Instance);

        Assert.True(await first.LeadsAsync("RetentionService", _none));
        Assert.False(await second.LeadsAsync("RetentionService", _none));
        Assert.True(await first.LeadsAsync("RetentionService", _none));
        Assert.True(await second.LeadsAsync("LeadFollowUpService", _none));
        Assert.False(await first.LeadsAsync("LeadFollowUpService", _none));

        await first.DisposeAsync();

        Assert.True(await second.LeadsAsync("RetentionService", _none));
    }

    [StoreFact]
    public async Task Twenty_people_requesting_through_a_balancer_in_front_of_two_instances_get_every_reply_once_and_one_card_each()
    {
        var location = await store.NewLocationAsync();
        await using var api = await FakeBotApiServer.StartAsync();
        await using var fleet = await InProcessFleet.StartAsync(api, location, instances: 2, new Dictionary<string, string?>
        {
            ["Consultants:0:ChatId"] = "-100960",
            ["Consultants:0:PointId"] = "career-balkhash",
        });
        var people = Enumerable.Range(0, 20).Select(i => new TelegramPerson(api, 44001 + i, "ru") { Patience = TimeSpan.FromSeconds(60) }).ToList();

        await Task.WhenAll(people.Select(p => Task.Run(() => LeadScript.RequestJobCoachAsync(p, place: "Балхаш"))));
        await api.WaitUntilAsync(() => api.CallsTo(-100960).Count(c => c.Method == "sendMessage" && c.Status == 200) >= 20, "a card for every request", TimeSpan.FromSeconds(60));
        await Task.Delay(1500);

        // Everyone walked the same script, so everyone read the same messages: a repeat or a loss would stand out.
        var conversations = people.Select(p => string.Join("\n", p.Received.Select(m => Digits().Replace(m.Text!, "#")))).ToList();
        Assert.All(conversations, c => Assert.Equal(conversations[0], c));
        var cards = api.CallsTo(-100960).Where(c => c.Method == "sendMessage" && c.Status == 200).Select(c => Number().Match(c.Text!).Value).ToList();
        Assert.Equal(20, cards.Distinct().Count());
        Assert.Equal(20, cards.Count);
        Assert.All(fleet.Forwarder.Forwarded, count => Assert.True(count > 50));
        var database = await TestStore.OpenAsync(location);
        await using var tx = await database.BeginReadAsync(_none);
        Assert.Equal(20L, await ScalarAsync(tx, "SELECT COUNT(*) FROM leads"));
        Assert.Equal(0L, await ScalarAsync(tx, "SELECT COUNT(*) FROM inbox WHERE handled_at IS NULL"));
        Assert.Equal(0, await tx.Outbox.BacklogAsync(_none));
    }

    [StoreFact]
    public async Task Three_instances_claiming_one_after_another_each_find_a_share_of_the_due_messages()
    {
        var location = await store.NewLocationAsync();
        var databases = new[] { await TestStore.OpenAsync(location), await TestStore.OpenAsync(location), await TestStore.OpenAsync(location) };
        await using (var tx = await databases[0].BeginAsync(_none))
        {
            foreach (var chat in Enumerable.Range(1, 300))
            {
                await tx.Outbox.AddAsync(new OutgoingMessage { ChatId = chat, Text = $"m{chat}" }, _none);
            }

            await tx.CommitAsync(_none);
        }

        var shares = new List<IReadOnlyList<long>>();
        foreach (var database in databases)
        {
            await using var tx = await database.BeginAsync(_none);
            var claimed = await tx.Outbox.ClaimDueAsync(limit: 20, announcementLimit: 5, leaseUntil: tx.Now + 120_000, _none);
            await tx.CommitAsync(_none);
            shares.Add([.. claimed.Select(c => c.Message.ChatId)]);
        }

        Assert.All(shares, share => Assert.Equal(20, share.Count));
        Assert.Equal(60, shares.SelectMany(s => s).Distinct().Count());
    }

    [StoreFact]
    public async Task Three_senders_at_once_share_three_hundred_messages_each_sent_once()
    {
        var location = await store.NewLocationAsync();
        var settings = Microsoft.Extensions.Options.Options.Create(new TelegramOptions());
        var channel = new CountingChannel();
        var senders = new List<OutboxSender>();
        foreach (var _ in Enumerable.Range(0, 3))
        {
            senders.Add(new OutboxSender(await TestStore.OpenAsync(location), channel, TimeProvider.System, NullLogger<OutboxSender>.Instance, limiter: new SendRateLimiter(settings, TimeProvider.System)));
        }

        var database = await TestStore.OpenAsync(location);
        await using (var tx = await database.BeginAsync(_none))
        {
            foreach (var chat in Enumerable.Range(1, 300))
            {
                await tx.Outbox.AddAsync(new OutgoingMessage { ChatId = chat, Text = $"m{chat}" }, _none);
            }

            await tx.CommitAsync(_none);
        }

        var firstRounds = await Task.WhenAll(senders.Select(s => s.SendDueAsync(_none)));
        while (channel.Sent.Count < 300)
        {
            Assert.True((await Task.WhenAll(senders.Select(s => s.SendDueAsync(_none)))).Sum() > 0 || channel.Sent.Count == 300, "a round sent nothing");
        }

        Assert.All(firstRounds, sent => Assert.True(sent > 0, "every instance sends in its first round"));
        Assert.Equal(300, channel.Sent.Distinct().Count());
        Assert.Equal(300, channel.Sent.Count);
    }

    [StoreFact]
    public async Task Two_chats_interleaved_across_two_instances_never_deadlock_or_apologise()
    {
        var location = await store.NewLocationAsync();
        await using var api = await FakeBotApiServer.StartAsync();
        await using var a = await BotUnderTest.StartAsync(api, settings: InProcessFleet.Settings(location));
        await using var b = await BotUnderTest.StartAsync(api, settings: InProcessFleet.Settings(location));
        var id = 90_000L;

        for (var round = 0; round < 40; round++)
        {
            // A gets chat 1 then 2, B gets 2 then 1, at the same moment: their batches hold both chats, in either order.
            await Task.WhenAll(
                PostAsync(a, Update(++id, 44001, "/help")),
                PostAsync(b, Update(++id, 44002, "/help")),
                PostAsync(a, Update(++id, 44002, "/help")),
                PostAsync(b, Update(++id, 44001, "/help")));
        }

        var first = new TelegramPerson(api, 44001, "ru");
        var second = new TelegramPerson(api, 44002, "ru");
        await api.WaitUntilAsync(() => first.Received.Count(m => m.Text!.Contains("Я понимаю кнопки", StringComparison.Ordinal)) == 80
            && second.Received.Count(m => m.Text!.Contains("Я понимаю кнопки", StringComparison.Ordinal)) == 80, "every /help answered", TimeSpan.FromSeconds(60));
        Assert.DoesNotContain(api.Calls, c => c.Text?.Contains("Извините", StringComparison.Ordinal) == true);
    }

    [StoreFact]
    public async Task Two_instances_whose_batches_hold_the_same_two_chats_in_opposite_order_do_not_deadlock()
    {
        var location = await store.NewLocationAsync();
        await using var first = new GroupCommit(await TestStore.OpenAsync(location));
        await using var second = new GroupCommit(await TestStore.OpenAsync(location));
        using var firstHolds = new SemaphoreSlim(0);
        using var secondHolds = new SemaphoreSlim(0);

        // Each instance's batch holds chat 1 and chat 2, in opposite orders; each piece takes its chat's lock, as
        // handling an update does, and the first pieces wait a moment for each other, as busy instances do.
        var batches = new[]
        {
            await BatchAsync(first, [(43101, 1), (43102, 2)], firstHolds, secondHolds),
            await BatchAsync(second, [(43103, 2), (43104, 1)], secondHolds, firstHolds),
        };

        // A deadlock fails one of them: PostgreSQL ends one transaction of the circle.
        await Task.WhenAll(batches.SelectMany(pieces => pieces));

        static async Task<Task[]> BatchAsync(
            GroupCommit commit, (long UpdateId, long Chat)[] pieces, SemaphoreSlim holds, SemaphoreSlim otherHolds)
        {
            // A piece in front keeps the writer busy, so the two pieces behind it share the next transaction.
            var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var front = commit.RunAsync(_ => gate.Task, _none);
            var tasks = pieces.Select((p, i) => commit.RunAsync(async tx =>
            {
                await tx.Inbox.TakeTurnAsync(p.UpdateId, p.Chat, _none);
                if (i == 0)
                {
                    holds.Release();
                    await otherHolds.WaitAsync(TimeSpan.FromSeconds(2));
                }
            }, p.Chat, _none)).ToArray();
            gate.SetResult();
            await front;
            return tasks;
        }
    }

    private sealed class CountingChannel : IMessageChannel
    {
        public ConcurrentBag<string> Sent { get; } = [];

        public Task<long?> SendAsync(OutgoingMessage message, CancellationToken cancellationToken)
        {
            Sent.Add(message.Text);
            return Task.FromResult<long?>(Sent.Count);
        }

        public Task AcknowledgeButtonAsync(string callbackQueryId, CancellationToken cancellationToken) => Task.CompletedTask;
    }

    private static string Update(long updateId, long chatId, string text) =>
        $$$"""{"update_id":{{{updateId}}},"message":{"message_id":{{{updateId}}},"date":0,"chat":{"id":{{{chatId}}},"type":"private","first_name":"A"},"from":{"id":{{{chatId}}},"is_bot":false,"first_name":"A","language_code":"ru"},"text":"{{{text}}}"}}""";

    private static async Task<HttpStatusCode> PostAsync(BotUnderTest bot, string update)
    {
        using var http = new HttpClient { BaseAddress = bot.BaseAddress };
        using var content = new StringContent(update, Encoding.UTF8, "application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(InProcessFleet.WebhookPath, UriKind.Relative)) { Content = content };
        request.Headers.Add(WebhookReceiver.SecretHeader, InProcessFleet.Secret);
        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }

    private static async Task<object?> ScalarAsync(StorageTransaction tx, string sql)
    {
        await using var command = tx.Command(sql);
        return await command.ExecuteScalarAsync(_none);
    }

    /// <summary>Records what it sends after a short pause, so that two senders' rounds overlap.</summary>
    private sealed class SlowChannel(ConcurrentQueue<(long Chat, string Text)> sent) : IMessageChannel
    {
        private int _next;

        public async Task<long?> SendAsync(OutgoingMessage message, CancellationToken cancellationToken)
        {
            await Task.Delay(1, cancellationToken);
            sent.Enqueue((message.ChatId, message.Text));
            return Interlocked.Increment(ref _next);
        }

        public Task AcknowledgeButtonAsync(string callbackQueryId, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
