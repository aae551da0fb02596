using JumysBot.Leads.Points;
using JumysBot.Leads;

namespace JumysBot.Tests.Leads;

public sealed class LeadRouterTests
{
    private static readonly PointCatalog _points = Tests.Conversations.TestConversation.Content.Current.Points;

    [Fact]
    public void Every_point_with_coordinates_lies_inside_the_karaganda_region()
    {
        Assert.All(_points.Points.Where(p => p.Location is not null), p =>
        {
            Assert.InRange(p.Location!.Value.Latitude, 46, 51);
            Assert.InRange(p.Location!.Value.Longitude, 70, 79);
        });
        Assert.All(_points.Places, place => Assert.Contains(_points.Points, p => p.Serves.Contains(place.Id)));
    }

    [Fact]
    public void No_address_or_phone_is_invented()
    {
        // Addresses and phones of the points are not public yet: the operator fills them, never the code.
        Assert.All(_points.Points, p =>
        {
            Assert.Null(p.Address);
            Assert.Null(p.Phone);
        });
    }

    [Fact]
    public void Every_city_and_district_of_the_region_can_be_chosen()
    {
        string[] expected = ["karaganda", "temirtau", "balkhash", "saran", "shakhtinsk", "priozersk", "abay", "aktogay", "bukhar-zhyrau", "karkaraly", "nura", "osakarovka", "shet"];

        Assert.Equal(expected.Order(), _points.Places.Select(p => p.Id).Order());
    }

    [Fact]
    public void A_shared_location_goes_to_the_nearest_point_that_takes_the_request()
    {
        // A few kilometres from Temirtau's centre.
        var (point, distance) = LeadRouter.Route(_points, LeadKind.Grant, null, new GeoPoint(50.06, 72.99), "career-karaganda");

        Assert.Equal("jumystap-temirtau", point.Id);
        Assert.InRange(distance!.Value, 0, 5);
    }

    [Fact]
    public void Job_coach_requests_go_to_career_centres_where_it_is_launched()
    {
        var (point, _) = LeadRouter.Route(_points, LeadKind.JobCoach, "karaganda", null, "career-karaganda");

        Assert.Equal("career-karaganda", point.Id);
    }

    [Theory]
    [InlineData("karaganda", "jumystap-karaganda")]
    [InlineData("balkhash", "career-balkhash")]
    [InlineData("aktogay", "career-aktogay")]
    [InlineData(null, "career-karaganda")]
    [InlineData("somewhere-else", "career-karaganda")]
    public void A_chosen_place_goes_to_the_point_that_serves_it(string? place, string expected) =>
        Assert.Equal(expected, LeadRouter.Route(_points, LeadKind.Training, place, null, "career-karaganda").Point.Id);

    [Fact]
    public void Great_circle_distance_between_karaganda_and_temirtau_is_about_thirty_km()
    {
        var distance = new GeoPoint(49.80, 73.11).DistanceKm(new GeoPoint(50.05, 72.96));

        Assert.InRange(distance, 28, 32);
    }
}
