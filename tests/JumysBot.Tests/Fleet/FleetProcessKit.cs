using System.Net.Sockets;
using System.Text.RegularExpressions;
using JumysBot.Tests.FakeBotApi;

namespace JumysBot.Tests.Fleet;

/// <summary>What the process tests of bots on PostgreSQL share: one webhook instance's settings, a free port, a store's answer, request numbers.</summary>
internal static partial class FleetProcessKit
{
    /// <summary>A bot process in webhook mode on PostgreSQL, listening on <paramref name="port"/>, with one consultants' chat bound to Balkhash.</summary>
    public static Dictionary<string, string> WebhookInstance(FakeBotApiServer api, string connectionString, int port, long consultantChat, string logLevel = "Warning") => new()
    {
        ["Telegram__BotToken"] = FakeBotApiServer.Token,
        ["Telegram__ApiBaseUrl"] = api.BaseUrl.ToString(),
        ["Telegram__Mode"] = "Webhook",
        ["Telegram__WebhookUrl"] = $"https://bot.example.kz{InProcessFleet.WebhookPath}",
        ["Telegram__WebhookSecret"] = InProcessFleet.Secret,
        ["Storage__Provider"] = "Postgres",
        ["Storage__ConnectionString"] = connectionString,
        ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
        ["Logging__LogLevel__Default"] = logLevel,
        ["Consultants__0__ChatId"] = consultantChat.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Consultants__0__PointId"] = "career-balkhash",
    };

    public static int FreePort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static async Task<object?> ScalarAsync(JumysBot.Storage.StorageTransaction tx, string sql)
    {
        await using var command = tx.Command(sql);
        return await command.ExecuteScalarAsync(CancellationToken.None);
    }

    /// <summary>Every number in a text, to compare conversations whose request numbers differ.</summary>
    [GeneratedRegex("[0-9]+")]
    public static partial Regex Digits();

    /// <summary>A request number as cards and confirmations write it; group 1 is the number.</summary>
    [GeneratedRegex("№ ([0-9]+)")]
    public static partial Regex Number();
}
