using System.Security.Cryptography;
using System.Text;
using JumysBot.Privacy;
using JumysBot.Tests.FakeBotApi;

namespace JumysBot.Tests.Privacy;

public sealed class EncryptionTests
{
    private static readonly string _key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    private static readonly string _newKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    [Fact]
    public void A_field_round_trips_and_never_looks_like_the_plain_text()
    {
        var protector = new FieldProtector(_key);

        var first = protector.Protect("+77011234567");
        var second = protector.Protect("+77011234567");

        Assert.NotEqual(first, second);
        Assert.DoesNotContain("7011234567", first, StringComparison.Ordinal);
        Assert.Equal("+77011234567", protector.Unprotect(first));
    }

    [Fact]
    public void After_a_rotation_old_values_are_read_with_the_previous_key_and_one_whose_key_is_gone_reads_as_empty_reported_once()
    {
        var old = new FieldProtector(_key).Protect("Айгүл");
        var reports = new List<string>();
        var withoutTheOldKey = new FieldProtector(_newKey, reportUnreadable: reports.Add);

        Assert.Equal("Айгүл", new FieldProtector(_newKey, [_key]).Unprotect(old));
        Assert.Null(withoutTheOldKey.Unprotect(old));
        Assert.Null(withoutTheOldKey.Unprotect(old));
        Assert.Equal([old!.Split(':')[1]], reports);
        Assert.Equal("plain", withoutTheOldKey.Unprotect("plain"));
    }

    [Theory]
    [InlineData("enc1:a:b")]
    [InlineData("enc1:")]
    [InlineData("raw1:мой текст")]
    public void Without_a_key_a_comment_that_merely_looks_encrypted_is_read_back_as_typed(string typed)
    {
        var protector = new FieldProtector(null, reportUnreadable: _ => Assert.Fail("nothing is unreadable here"));

        Assert.Equal(typed, protector.Unprotect(protector.Protect(typed)));
    }

    [Fact]
    public void A_tampered_value_is_refused()
    {
        var protector = new FieldProtector(_key);
        var stored = protector.Protect("+77011234567")!;
        var bytes = Convert.FromBase64String(stored.Split(':')[2]);
        bytes[^1] ^= 1;

        Assert.Null(protector.Unprotect($"enc1:{stored.Split(':')[1]}:{Convert.ToBase64String(bytes)}"));
        Assert.Null(protector.Unprotect($"enc1:{stored.Split(':')[1]}:not base64!"));
    }

    [Fact]
    public async Task With_a_key_no_phone_or_name_is_in_the_database_files_in_plain_text_and_the_bot_still_reads_them()
    {
        await using var api = await FakeBotApiServer.StartAsync();
        var database = TempDatabase.NewPath();
        var person = new TelegramPerson(api, 17001, "ru", firstName: "Жанна");
        await using (var bot = await BotUnderTest.StartAsync(api, database, settings: new Dictionary<string, string?> { ["Storage:EncryptionKey"] = _key }))
        {
            await LeadScript.RequestJobCoachAsync(person, place: "Балхаш", comment: "Перезвоните Сейтқали");
            await bot.App.StopAsync();
        }

        foreach (var file in new[] { database, database + "-wal" }.Where(File.Exists))
        {
            var bytes = await File.ReadAllBytesAsync(file);
            foreach (var secret in new[] { "7021234567", "Жанна", "Сейтқали" })
            {
                Assert.True(bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(secret)) < 0, $"'{secret}' is readable in {Path.GetFileName(file)}");
            }
        }

        // The key was rotated: the old one reads what it wrote.
        await using var rotated = await BotUnderTest.StartAsync(api, database, settings: new Dictionary<string, string?>
        {
            ["Storage:EncryptionKey"] = _newKey,
            ["Storage:PreviousEncryptionKeys:0"] = _key,
        });
        person.Sends("/mydata");
        var data = await person.ReadsUntilAsync("Что я о вас храню");
        Assert.Contains("Телефон: +77021234567.", data.Text);
        Assert.Contains("Комментарий: Перезвоните Сейтқали.", data.Text);
    }
}
