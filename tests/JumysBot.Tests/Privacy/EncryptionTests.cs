using System.Security.Cryptography;
using System.Text;
using JumysBot.Storage;
using JumysBot.Tests.FakeBotApi;

namespace JumysBot.Tests.Privacy;

public sealed class EncryptionTests
{
    private static readonly string _key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    private static readonly string _newKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    private static readonly FieldPlace _phone = new("leads", "phone", 1001);

    [Fact]
    public void A_field_round_trips_and_never_looks_like_the_plain_text()
    {
        var protector = new FieldProtector(_key);

        var first = protector.Protect("+77011234567", _phone);
        var second = protector.Protect("+77011234567", _phone);

        Assert.NotEqual(first, second);
        Assert.DoesNotContain("7011234567", first, StringComparison.Ordinal);
        Assert.Equal("+77011234567", protector.Unprotect(first, _phone));
    }

    [Fact]
    public void After_a_rotation_old_values_are_read_with_the_previous_key_and_one_whose_key_is_gone_reads_as_empty_reported_once()
    {
        var old = new FieldProtector(_key).Protect("Айгүл", _phone);
        var reports = new List<string>();
        var withoutTheOldKey = new FieldProtector(_newKey, reportUnreadable: reports.Add);

        Assert.Equal("Айгүл", new FieldProtector(_newKey, [_key]).Unprotect(old, _phone));
        Assert.Null(withoutTheOldKey.Unprotect(old, _phone));
        Assert.Null(withoutTheOldKey.Unprotect(old, _phone));
        Assert.Equal([old!.Split(':')[1]], reports);
        Assert.Equal("plain", withoutTheOldKey.Unprotect("plain", _phone));
    }

    [Theory]
    [InlineData("enc1:a:b")]
    [InlineData("enc2:a:b")]
    [InlineData("enc1:")]
    [InlineData("raw1:мой текст")]
    public void Without_a_key_a_comment_that_merely_looks_encrypted_is_read_back_as_typed(string typed)
    {
        var protector = new FieldProtector(null, reportUnreadable: _ => Assert.Fail("nothing is unreadable here"));

        Assert.Equal(typed, protector.Unprotect(protector.Protect(typed, _phone), _phone));
    }

    [Fact]
    public void A_tampered_value_is_refused()
    {
        var protector = new FieldProtector(_key);
        var stored = protector.Protect("+77011234567", _phone)!;
        var bytes = Convert.FromBase64String(stored.Split(':')[2]);
        bytes[^1] ^= 1;

        Assert.Null(protector.Unprotect($"enc2:{stored.Split(':')[1]}:{Convert.ToBase64String(bytes)}", _phone));
        Assert.Null(protector.Unprotect($"enc2:{stored.Split(':')[1]}:not base64!", _phone));
    }

    [Fact]
    public void A_ciphertext_moved_to_another_row_or_column_reads_as_empty_and_is_reported_once_not_thrown()
    {
        var reports = new List<string>();
        var protector = new FieldProtector(_key, reportUnreadable: reports.Add);
        var phone = protector.Protect("+77011234567", _phone);

        Assert.Null(protector.Unprotect(phone, new FieldPlace("leads", "phone", 1002)));
        Assert.Null(protector.Unprotect(phone, new FieldPlace("leads", "name", 1001)));
        Assert.Null(protector.Unprotect(phone, new FieldPlace("people", "phone", 1001)));
        Assert.Null(protector.Unprotect(phone, new FieldPlace("leads", "phone", 1002)));
        Assert.Single(reports);
        Assert.Equal("+77011234567", protector.Unprotect(phone, _phone));
    }

    [Fact]
    public void The_configured_key_itself_never_encrypts_a_value_it_is_derived_for_that_purpose()
    {
        var stored = new FieldProtector(_key).Protect("Айгүл", _phone)!;
        var parts = stored.Split(':');
        var sealedBox = Convert.FromBase64String(parts[2]);
        using var aes = new AesGcm(Convert.FromBase64String(_key), 16);

        Assert.StartsWith("enc2:", stored, StringComparison.Ordinal);
        Assert.NotEqual(Convert.ToHexStringLower(SHA256.HashData(Convert.FromBase64String(_key)))[..8], parts[1]);
        Assert.ThrowsAny<CryptographicException>(() => aes.Decrypt(
            sealedBox.AsSpan(0, 12), sealedBox.AsSpan(12, sealedBox.Length - 28), sealedBox.AsSpan(sealedBox.Length - 16), new byte[sealedBox.Length - 28],
            Encoding.UTF8.GetBytes(_phone.ToString())));
    }

    [Fact]
    public void A_value_written_before_binding_is_still_read_with_the_configured_or_a_previous_key()
    {
        var old = UnboundCiphertext("+77011234567", _key);

        Assert.Equal("+77011234567", new FieldProtector(_key).Unprotect(old, _phone));
        Assert.Equal("+77011234567", new FieldProtector(_newKey, [_key]).Unprotect(old, new FieldPlace("leads", "phone", 5)));
        Assert.Null(new FieldProtector(_newKey).Unprotect(old, _phone));
    }

    [Fact]
    public async Task With_a_key_no_disability_group_role_age_goal_or_coordinates_is_in_the_database_files_and_the_bot_still_reads_them()
    {
        await using var api = await FakeBotApiServer.StartAsync();
        var database = TempDatabase.NewPath();
        var person = new TelegramPerson(api, 17002, "ru", firstName: "Жанна");
        await using (var bot = await BotUnderTest.StartAsync(api, database, settings: new Dictionary<string, string?> { ["Storage:EncryptionKey"] = _key }))
        {
            await LeadScript.RequestJobCoachAsync(person, place: "", location: (49.80731, 73.08912));
            person.Sends("/menu");
            await person.ReadsUntilAsync("Главное меню");
            person.Presses("Что мне подходит?");
            await person.ReadsUntilAsync("Сколько вам лет?");
            person.Presses("От 35 до 49 лет");
            await person.ReadsUntilAsync("Что для вас сейчас главное?");
            person.Sends("2");
            await person.ReadsUntilAsync("Вам могут подойти");
            await bot.App.StopAsync();
        }

        // Each as text, and the coordinates also as SQLite stores a number: eight bytes, big-endian.
        string[] texts = ["PersonWithDisability", "First", "From35To49", "Learn", "49.80731", "73.08912"];
        double[] numbers = [49.80731, 73.08912];
        var secrets = texts.Select(s => (Name: s, Bytes: Encoding.UTF8.GetBytes(s)))
            .Concat(numbers.Select(d => (Name: $"{d} as a number", Bytes: BigEndian(d))));
        foreach (var file in new[] { database, database + "-wal" }.Where(File.Exists))
        {
            var bytes = await File.ReadAllBytesAsync(file);
            foreach (var (name, secret) in secrets)
            {
                Assert.True(bytes.AsSpan().IndexOf(secret) < 0, $"'{name}' is readable in {Path.GetFileName(file)}");
            }
        }

        await using var again = await BotUnderTest.StartAsync(api, database, settings: new Dictionary<string, string?> { ["Storage:EncryptionKey"] = _key });
        person.Sends("/mydata");
        var data = await person.ReadsUntilAsync("Что я о вас храню");
        foreach (var answer in new[] { "человек с инвалидностью", "Первая группа", "От 35 до 49 лет" })
        {
            Assert.Contains(answer, data.Text, StringComparison.OrdinalIgnoreCase);
        }

        using var store = await JumysBot.Tests.Storage.Stores.TestStore.OpenAsync(new JumysBot.Storage.StorageOptions { Path = database, EncryptionKey = _key });
        await using var tx = await store.BeginReadAsync(CancellationToken.None);
        var lead = (await tx.Leads.ForPersonAsync(person.Id, CancellationToken.None)).Single();
        Assert.Equal((49.80731, 73.08912), (lead.Draft.Latitude, lead.Draft.Longitude));
        Assert.Equal(JumysBot.Conversations.DisabilityGroup.First, lead.Draft.DisabilityGroup);
    }

    private static byte[] BigEndian(double value)
    {
        var bytes = new byte[8];
        System.Buffers.Binary.BinaryPrimitives.WriteDoubleBigEndian(bytes, value);
        return bytes;
    }

    /// <summary>How values were stored before they were bound to their place (enc1): the configured key, no associated data.</summary>
    private static string UnboundCiphertext(string plain, string key)
    {
        var keyBytes = Convert.FromBase64String(key);
        var data = Encoding.UTF8.GetBytes(plain);
        var sealedBox = new byte[12 + data.Length + 16];
        RandomNumberGenerator.Fill(sealedBox.AsSpan(0, 12));
        using var aes = new AesGcm(keyBytes, 16);
        aes.Encrypt(sealedBox.AsSpan(0, 12), data, sealedBox.AsSpan(12, data.Length), sealedBox.AsSpan(12 + data.Length));
        return $"enc1:{Convert.ToHexStringLower(SHA256.HashData(keyBytes))[..8]}:{Convert.ToBase64String(sealedBox)}";
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
