using LiteDB;

namespace StoreShootout;

/// <summary>
/// LiteDB 5.0.21 doing the same logical writes: three collections keyed like the tables (a conversation by its chat,
/// an inbox row by its update, outbox rows by an auto-incremented number), the same secondary indexes, and one explicit
/// transaction per commit. LiteDB has no asynchronous API; the methods finish before they return.
/// </summary>
internal sealed class LiteDbStore : IShootoutStore
{
    private readonly LiteDatabase _database;
    private readonly ILiteCollection<BsonDocument> _conversations;
    private readonly ILiteCollection<BsonDocument> _outbox;
    private readonly ILiteCollection<BsonDocument> _inbox;
    private readonly ILiteCollection<BsonDocument> _people;
    private readonly ILiteCollection<BsonDocument> _leads;
    private readonly bool _checkpointEachCommit;
    private readonly string _path;

    /// <param name="checkpointEachCommit">
    /// LiteDB never fsyncs its log at a commit; its only flush to disk is the checkpoint's. True checkpoints after every
    /// commit, the one way to have a commit on disk (not only in the OS cache) when it returns.
    /// </param>
    public LiteDbStore(string path, bool checkpointEachCommit)
    {
        _path = Path.GetFullPath(path);
        _checkpointEachCommit = checkpointEachCommit;
        Name = checkpointEachCommit ? "LiteDB + Checkpoint() per commit" : "LiteDB (its default commit)";
        _database = new LiteDatabase(new ConnectionString { Filename = _path, Connection = ConnectionType.Direct });
        _conversations = _database.GetCollection("conversations", BsonAutoId.Int64);
        _outbox = _database.GetCollection("outbox", BsonAutoId.Int64);
        _inbox = _database.GetCollection("inbox", BsonAutoId.Int64);
        _people = _database.GetCollection("people", BsonAutoId.Int64);
        _leads = _database.GetCollection("leads", BsonAutoId.Int64);
        // The SQLite schema's secondary indexes on these collections (LiteDB has no partial indexes: the whole field).
        _conversations.EnsureIndex("updated_at", "$.updated_at");
        _outbox.EnsureIndex("pending", "$.priority");
        _outbox.EnsureIndex("chat", "$.chat_id");
        _inbox.EnsureIndex("pending", "$.handled_at");
        _inbox.EnsureIndex("chat", "$.chat_id");
        _leads.EnsureIndex("person", "$.person_id");
    }

    public string Name { get; }

    public IReadOnlyList<string> Files
    {
        get
        {
            var folder = Path.GetDirectoryName(_path)!;
            var stem = Path.GetFileNameWithoutExtension(_path);
            return [.. Directory.GetFiles(folder, stem + "*")];
        }
    }

    public Task ReceiveAsync(IReadOnlyList<InboxRow> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        InTransaction(() =>
        {
            foreach (var row in rows)
            {
                // Insert if missing, as the SQL's ON CONFLICT DO NOTHING.
                if (_inbox.FindById(row.UpdateId) is null)
                {
                    _inbox.Insert(new BsonDocument
                    {
                        ["_id"] = row.UpdateId,
                        ["chat_id"] = row.ChatId,
                        ["payload"] = row.Payload,
                        ["received_at"] = row.Now,
                        ["handled_at"] = BsonValue.Null,
                        ["attempts"] = 0,
                    });
                }
            }
        });
        return Task.CompletedTask;
    }

    public Task HandleAsync(IReadOnlyList<UpdateWrite> updates, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(updates);
        InTransaction(() =>
        {
            foreach (var update in updates)
            {
                SaveState(update.ChatId, update.Step, update.Data, update.Screen, update.Now);
                _outbox.Insert(Outgoing(update.ChatId, update.OutboxPayload, update.Now));
                MarkHandled(update.UpdateId, update.Now);
            }
        });
        return Task.CompletedTask;
    }

    public Task<StoredState> ReadBackAsync(CancellationToken cancellationToken)
    {
        var inbox = _inbox.FindAll().Select(d => (d["_id"].AsInt64, !d["handled_at"].IsNull, !d["payload"].IsNull)).ToList();
        var outbox = _outbox.FindAll().Select(d => Workload.UpdateOf(d["payload"].AsString)).ToList();
        var steps = _conversations.FindAll().ToDictionary(d => d["_id"].AsInt64, d => d["step"].AsString);
        // LiteDB has no integrity check: reading every document through its indexes is what it offers.
        return Task.FromResult(new StoredState(inbox, outbox, steps, $"read {inbox.Count + outbox.Count + steps.Count} documents"));
    }

    public Task WritePersonAsync(PersonRecord person, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(person);
        var turns = PersonTurns.For(person);
        InTransaction(() => _inbox.Insert(new BsonDocument
        {
            ["_id"] = turns.UpdateId,
            ["chat_id"] = person.ChatId,
            ["payload"] = turns.Typed,
            ["received_at"] = turns.Now,
            ["handled_at"] = BsonValue.Null,
            ["attempts"] = 0,
        }));
        InTransaction(() =>
        {
            _people.Insert(new BsonDocument { ["_id"] = person.PersonId, ["language"] = "ru", ["role"] = "Person", ["created_at"] = turns.Now });
            foreach (var data in turns.States)
            {
                SaveState(person.ChatId, "request.confirm", data, turns.Screen, turns.Now);
            }

            _leads.Insert(new BsonDocument
            {
                ["person_id"] = person.PersonId,
                ["kind"] = "Consultation",
                ["name"] = person.Name,
                ["phone"] = person.Phone,
                ["contact_method"] = "call",
                ["point_id"] = "almaty-1",
                ["comment"] = person.Comment,
                ["language"] = "ru",
                ["status"] = "New",
                ["created_at"] = turns.Now,
            });
            _outbox.Insert(Outgoing(person.ChatId, turns.Reply, turns.Now));
            MarkHandled(turns.UpdateId, turns.Now);
        });
        return Task.CompletedTask;
    }

    public Task ErasePersonAsync(PersonRecord person, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(person);
        InTransaction(() =>
        {
            foreach (var lead in _leads.Find(Query.EQ("person_id", person.PersonId)).ToList())
            {
                lead["name"] = BsonValue.Null;
                lead["phone"] = BsonValue.Null;
                lead["comment"] = BsonValue.Null;
                lead["person_id"] = 0;
                _leads.Update(lead);
            }

            _outbox.DeleteMany(Query.EQ("chat_id", person.ChatId));
            _inbox.DeleteMany(Query.And(Query.EQ("chat_id", person.ChatId), Query.EQ("handled_at", BsonValue.Null)));
            _conversations.Delete(person.ChatId);
            _people.Delete(person.PersonId);
        });
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<string>> CompactAsync(CompactStep step, CancellationToken cancellationToken)
    {
        if (step == CompactStep.Checkpoint)
        {
            _database.Checkpoint();
            return Task.FromResult<IReadOnlyList<string>>(["Checkpoint()"]);
        }

        _database.Rebuild();
        return Task.FromResult<IReadOnlyList<string>>(["Rebuild()"]);
    }

    private void SaveState(long chatId, string step, string data, string screen, long now) =>
        _conversations.Upsert(new BsonDocument
        {
            ["_id"] = chatId,
            ["step"] = step,
            ["data"] = data,
            ["screen"] = screen,
            ["updated_at"] = now,
        });

    private static BsonDocument Outgoing(long chatId, string payload, long now) => new()
    {
        ["chat_id"] = chatId,
        ["priority"] = 0,
        ["payload"] = payload,
        ["created_at"] = now,
        ["not_before"] = BsonValue.Null,
        ["attempts"] = 0,
        ["sent_at"] = BsonValue.Null,
        ["failed_at"] = BsonValue.Null,
        ["in_doubt"] = 0,
    };

    private void MarkHandled(long updateId, long now)
    {
        var row = _inbox.FindById(updateId);
        if (row is null)
        {
            return;
        }

        row["handled_at"] = now;
        row["payload"] = BsonValue.Null;
        row["attempts"] = row["attempts"].AsInt32 + 1;
        _inbox.Update(row);
    }

    private void InTransaction(Action writes)
    {
        _database.BeginTrans();
        try
        {
            writes();
        }
        catch
        {
            _database.Rollback();
            throw;
        }

        _database.Commit();
        if (_checkpointEachCommit)
        {
            _database.Checkpoint();
        }
    }

    public void Dispose() => _database.Dispose();
}
