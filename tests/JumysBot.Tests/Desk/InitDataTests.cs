using JumysBot.Desk;
using JumysBot.Tests.FakeBotApi;

namespace JumysBot.Tests.Desk;

public sealed class InitDataTests
{
    private static readonly DateTimeOffset _now = new(2026, 11, 2, 9, 30, 0, TimeSpan.Zero);
    private static readonly TimeSpan _maxAge = TimeSpan.FromHours(12);

    [Fact]
    public void Init_data_signed_with_the_bot_token_gives_its_user()
    {
        var signed = TelegramSignature.InitData(FakeBotApiServer.Token, 5001, "Ерлан & Co", "kk", _now.AddMinutes(-3));

        var (user, problem) = InitData.Validate(signed, FakeBotApiServer.Token, _now, _maxAge);

        Assert.Equal(InitDataProblem.None, problem);
        Assert.Equal(new DeskUser(5001, "Ерлан & Co", "kk"), user);
    }

    [Fact]
    public void Init_data_whose_user_was_changed_after_signing_is_refused()
    {
        var signed = TelegramSignature.InitData(FakeBotApiServer.Token, 5001, "Ерлан", "ru", _now);
        var forged = signed.Replace("%22id%22%3A5001", "%22id%22%3A777", StringComparison.Ordinal);
        Assert.NotEqual(signed, forged);

        Assert.Equal((null, InitDataProblem.BadSignature), InitData.Validate(forged, FakeBotApiServer.Token, _now, _maxAge));
    }

    [Fact]
    public void Init_data_signed_with_another_bots_token_is_refused()
    {
        var signed = TelegramSignature.InitData("654321:ANOTHER-BOT", 5001, "Ерлан", "ru", _now);

        Assert.Equal((null, InitDataProblem.BadSignature), InitData.Validate(signed, FakeBotApiServer.Token, _now, _maxAge));
    }

    [Fact]
    public void Init_data_older_than_the_limit_is_refused_and_younger_is_taken()
    {
        var old = TelegramSignature.InitData(FakeBotApiServer.Token, 5001, "Ерлан", "ru", _now - _maxAge - TimeSpan.FromSeconds(1));
        var young = TelegramSignature.InitData(FakeBotApiServer.Token, 5001, "Ерлан", "ru", _now - _maxAge + TimeSpan.FromSeconds(1));
        var fromTheFuture = TelegramSignature.InitData(FakeBotApiServer.Token, 5001, "Ерлан", "ru", _now.AddHours(1));

        Assert.Equal((null, InitDataProblem.Stale), InitData.Validate(old, FakeBotApiServer.Token, _now, _maxAge));
        Assert.Equal(InitDataProblem.None, InitData.Validate(young, FakeBotApiServer.Token, _now, _maxAge).Problem);
        Assert.Equal((null, InitDataProblem.Stale), InitData.Validate(fromTheFuture, FakeBotApiServer.Token, _now, _maxAge));
    }

    [Theory]
    [InlineData(null, InitDataProblem.Missing)]
    [InlineData("", InitDataProblem.Missing)]
    [InlineData("user=%7B%22id%22%3A1%7D&auth_date=1", InitDataProblem.Malformed)]
    [InlineData("auth_date=1&hash=zz", InitDataProblem.Malformed)]
    [InlineData("auth_date=1&auth_date=2&hash=0000000000000000000000000000000000000000000000000000000000000000", InitDataProblem.Malformed)]
    [InlineData("auth_date=1&hash=0000000000000000000000000000000000000000000000000000000000000000", InitDataProblem.BadSignature)]
    public void Missing_or_malformed_init_data_is_refused(string? initData, InitDataProblem expected) =>
        Assert.Equal((null, expected), InitData.Validate(initData, FakeBotApiServer.Token, _now, _maxAge));

    [Fact]
    public void Signed_init_data_without_a_user_gives_nobody()
    {
        var dataCheckString = $"auth_date={_now.ToUnixTimeSeconds()}\nchat_type=sender";
        var signed = $"auth_date={_now.ToUnixTimeSeconds()}&chat_type=sender&hash={TelegramSignature.Hash(FakeBotApiServer.Token, dataCheckString)}";

        Assert.Equal((null, InitDataProblem.Malformed), InitData.Validate(signed, FakeBotApiServer.Token, _now, _maxAge));
    }
}
