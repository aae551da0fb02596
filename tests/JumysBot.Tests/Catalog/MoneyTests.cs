using JumysBot.Catalog;
using JumysBot.Content;
using JumysBot.Localization;
using Microsoft.Extensions.Options;

namespace JumysBot.Tests.Catalog;

public sealed class MoneyTests
{
    private static readonly TextCatalog _texts = Tests.Conversations.TestConversation.Content.Current.Texts;

    [Fact]
    public void Four_hundred_mrp_is_1_730_000_tenge_in_2026()
    {
        var money = At(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));

        Assert.Equal("Грант до 400 МРП (это 1\u00A0730\u00A0000\u00A0₸ в 2026 году).", money.Fill("Грант до {mrp:400}.", Language.Russian, _texts));
        Assert.Equal("400 АЕК (2026 жылы бұл 1\u00A0730\u00A0000\u00A0₸)", money.Fill("{mrp:400}", Language.Kazakh, _texts));
    }

    [Fact]
    public void The_year_turns_at_midnight_in_kazakhstan_not_in_utc()
    {
        // 31 December 2025, 20:00 UTC is already 1 January 2026 in Kazakhstan (UTC+5).
        var money = At(new DateTimeOffset(2025, 12, 31, 20, 0, 0, TimeSpan.Zero));

        Assert.Equal((2026, 4_325), money.CurrentMrp());
    }

    [Fact]
    public void A_year_not_yet_configured_uses_the_latest_known_one()
    {
        var money = At(new DateTimeOffset(2027, 6, 1, 0, 0, 0, TimeSpan.Zero));

        Assert.Equal((2026, 4_325), money.CurrentMrp());
        Assert.Contains("в 2026 году", money.Fill("{mrp:1}", Language.Russian, _texts), StringComparison.Ordinal);
    }

    [Fact]
    public void A_configured_year_is_used_when_it_comes()
    {
        var options = new MoneyOptions();
        options.MrpByYear[2027] = 5_000;
        var money = new Money(Options.Create(options), new FixedTime(new DateTimeOffset(2027, 6, 1, 0, 0, 0, TimeSpan.Zero)));

        Assert.Equal((2027, 5_000), money.CurrentMrp());
        Assert.Equal("2\u00A0000\u00A0000\u00A0₸", Money.Tenge(400L * 5_000));
    }

    [Fact]
    public void Text_without_amounts_is_left_alone() =>
        Assert.Equal("Без сумм {name}", At(DateTimeOffset.UtcNow).Fill("Без сумм {name}", Language.Russian, _texts));

    private static Money At(DateTimeOffset now) => new(Options.Create(new MoneyOptions()), new FixedTime(now));

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
