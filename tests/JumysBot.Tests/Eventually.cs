namespace JumysBot.Tests;

/// <summary>Waits for something the bot does in the background, failing the test if it does not happen in time.</summary>
internal static class Eventually
{
    public static async Task TrueAsync(Func<bool> condition, string what = "The condition", TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(15));
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"{what} did not come true in time.");
            await Task.Delay(50);
        }
    }
}
