using JumysBot.Telegram.Types;

namespace JumysBot.Telegram.Requests;

/// <summary>Shows a place on the map with its title and address.</summary>
public sealed record SendVenueRequest() : RequestBase<Message>("sendVenue")
{
    public required long ChatId { get; init; }

    public required double Latitude { get; init; }

    public required double Longitude { get; init; }

    public required string Title { get; init; }

    public required string Address { get; init; }
}
