namespace JumysBot.Telegram.Types;

public sealed record Location
{
    public required double Latitude { get; init; }

    public required double Longitude { get; init; }

    /// <summary>Radius of uncertainty in metres, 0–1500.</summary>
    public double? HorizontalAccuracy { get; init; }
}
