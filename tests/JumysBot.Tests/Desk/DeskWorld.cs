using System.Globalization;
using System.Net.Http.Headers;
using JumysBot.Desk;
using JumysBot.Leads;
using JumysBot.Storage;
using JumysBot.Tests.FakeBotApi;
using Microsoft.Extensions.DependencyInjection;

namespace JumysBot.Tests.Desk;

/// <summary>
/// The bot with its desk on, two points with their consultants' chats, and the four kinds of visitor: a consultant of
/// Balkhash's career centre, a consultant of Saran's, an administrator and a stranger. One real request comes through
/// the conversation (so its card is in the Balkhash chat); two more are written straight into the store.
/// </summary>
public sealed class DeskWorld : IAsyncDisposable
{
    public const long BalkhashChat = -1002001;
    public const long SaranChat = -1002002;
    public const long Consultant = 3001;
    public const long OtherConsultant = 3002;
    public const long Admin = 3003;
    public const long Stranger = 3004;
    public const long PersonId = 4001;
    public const string Point = "career-balkhash";
    public const string OtherPoint = "career-saran";

    private DeskWorld(FakeBotApiServer api, BotUnderTest bot)
    {
        Api = api;
        Bot = bot;
        Http = new HttpClient { BaseAddress = bot.BaseAddress };
    }

    public FakeBotApiServer Api { get; }

    public BotUnderTest Bot { get; }

    public HttpClient Http { get; }

    /// <summary>The request that came through the conversation; its card is in the Balkhash chat.</summary>
    public long Lead { get; private set; }

    /// <summary>A request of Balkhash's that came in ten days ago and nobody has called: overdue.</summary>
    public long OverdueLead { get; private set; }

    /// <summary>Saran's request, which Balkhash's consultant must not see.</summary>
    public long OtherPointLead { get; private set; }

    public TelegramPerson Person { get; private set; } = null!;

    public static async Task<DeskWorld> StartAsync()
    {
        var api = await FakeBotApiServer.StartAsync();
        var bot = await BotUnderTest.StartAsync(api, settings: new Dictionary<string, string?>
        {
            ["Consultants:0:ChatId"] = BalkhashChat.ToString(CultureInfo.InvariantCulture),
            ["Consultants:0:PointId"] = Point,
            ["Consultants:1:ChatId"] = SaranChat.ToString(CultureInfo.InvariantCulture),
            ["Consultants:1:PointId"] = OtherPoint,
            ["Bot:AdminIds:0"] = Admin.ToString(CultureInfo.InvariantCulture),
            ["Desk:BaseUrl"] = "https://jumysbot.example.kz",
        });
        api.SetChatMember(BalkhashChat, Consultant);
        api.SetChatMember(SaranChat, OtherConsultant, "administrator");
        var world = new DeskWorld(api, bot);
        await world.SeedAsync();
        return world;
    }

    public static string InitDataFor(long userId, string firstName = "Ерлан", string language = "ru", TimeSpan? age = null, string? token = null) =>
        TelegramSignature.InitData(token ?? FakeBotApiServer.Token, userId, firstName, language, DateTimeOffset.UtcNow - (age ?? TimeSpan.Zero));

    public async Task<(int Status, string Body)> GetAsync(string path, string? initData)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (initData is not null)
        {
            request.Headers.Add(InitData.Header, initData);
        }

        using var response = await Http.SendAsync(request);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    public async Task<(int Status, string Body, MediaTypeHeaderValue? Type)> PostAsync(string path, string? initData, params (string Name, string Value)[] fields)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(fields.Select(f => KeyValuePair.Create(f.Name, f.Value))) };
        if (initData is not null)
        {
            request.Headers.Add(InitData.Header, initData);
        }

        using var response = await Http.SendAsync(request);
        // Read as bytes: a byte-order mark at the start is part of what is checked.
        return ((int)response.StatusCode, new System.Text.UTF8Encoding(false).GetString(await response.Content.ReadAsByteArrayAsync()), response.Content.Headers.ContentType);
    }

    public object? Scalar(string sql) => Database.Scalar(Bot.DatabasePath, sql);

    private async Task SeedAsync()
    {
        Person = new TelegramPerson(Api, PersonId, "ru", firstName: "Жанна");
        await LeadScript.RequestJobCoachAsync(Person, place: "Балхаш", comment: "=HYPERLINK(\"http://x\") нужен наставник");
        Lead = (long)Scalar("SELECT MAX(id) FROM leads")!;
        Assert.Equal(Point, Scalar($"SELECT point_id FROM leads WHERE id = {Lead}"));
        await Api.WaitForCallAsync(c => c.ChatId == BalkhashChat && c.Method == "sendMessage" && c.Text?.Contains($"Заявка № {Lead}", StringComparison.Ordinal) == true, "the card");
        await Eventually.TrueAsync(() => Scalar($"SELECT COUNT(*) FROM lead_cards WHERE lead_id = {Lead}") is long and > 0, "the card's message id kept");

        var database = Bot.Services.GetRequiredService<BotDatabase>();
        await using var tx = await database.BeginAsync(CancellationToken.None);
        OverdueLead = await tx.Leads.AddAsync(Seeded(Point, "balkhash", LeadKind.Grant, "Асель"), "person", CancellationToken.None);
        OtherPointLead = await tx.Leads.AddAsync(Seeded(OtherPoint, "saran", LeadKind.Job, "Сарань-Секрет"), "person", CancellationToken.None);
        await tx.CommitAsync(CancellationToken.None);
        var tenDaysAgo = DateTimeOffset.UtcNow.AddDays(-10).ToUnixTimeMilliseconds();
        Database.Execute(Bot.DatabasePath, $"UPDATE leads SET created_at = {tenDaysAgo} WHERE id = {OverdueLead}");
    }

    private static Lead Seeded(string point, string place, LeadKind kind, string name) => new()
    {
        PersonId = 4100 + place.Length,
        PointId = point,
        Language = "ru",
        Draft = new LeadDraft { Kind = kind, PlaceId = place, Name = name, Phone = "+77015550101", ContactMethod = ContactMethod.Call },
    };

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Bot.DisposeAsync();
        await Api.DisposeAsync();
    }
}
