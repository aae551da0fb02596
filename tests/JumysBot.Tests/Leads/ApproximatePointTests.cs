using JumysBot.Leads.Points;
using JumysBot.Leads.Requests;
using JumysBot.Leads;
using JumysBot.Localization;
using JumysBot.Tests.Catalog;

namespace JumysBot.Tests.Leads;

/// <summary>A pin is not an office: a point on a town's centre sends no pin and must say so in its content.</summary>
public class ApproximatePointTests
{
    [Fact]
    public void Every_shipped_point_on_a_town_centre_is_marked_approximate_and_sends_no_pin()
    {
        var points = Tests.Conversations.TestConversation.Content.Current.Points;

        Assert.All(points.Points.Where(p => p.Location is not null), p =>
        {
            Assert.True(p.Approximate, $"{p.Id} sits on a town centre");
            Assert.Null(LeadDesk.Pin(p, Language.Russian));
        });
    }

    [Fact]
    public void A_point_with_its_own_coordinates_gets_a_pin()
    {
        var office = Tests.Conversations.TestConversation.Content.Current.Points.Points.First(p => p.Location is not null) with
        {
            Approximate = false,
            Location = new GeoPoint(49.8063, 73.0871),
        };

        Assert.Equal(49.8063, LeadDesk.Pin(office, Language.Russian)!.Latitude);
        Assert.Equal("lead.done.distance", LeadDesk.DistanceKey(office));
    }

    [Fact]
    public void Content_that_puts_a_point_on_a_town_centre_without_saying_so_is_refused_naming_the_point()
    {
        var folder = ContentStoreTests.CopyOfShippedContent();
        var path = Path.Combine(folder, "points.yaml");
        var text = File.ReadAllText(path);
        var first = text.IndexOf("    approximate: true", StringComparison.Ordinal);
        File.WriteAllText(path, text.Remove(first, text.IndexOf('\n', first) - first + 1));

        var refused = Assert.Throws<ContentException>(() => PointCatalogLoader.Load(folder));

        Assert.Contains("point 'jumystap-karaganda': its coordinates are the centre of 'karaganda'", refused.Message, StringComparison.Ordinal);
    }
}
