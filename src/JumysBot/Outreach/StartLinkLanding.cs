using JumysBot.Catalog;
using JumysBot.Conversations;
using JumysBot.Leads.Points;
using JumysBot.Leads.Requests;
using JumysBot.Leads;
using JumysBot.Updates;

namespace JumysBot.Outreach;

/// <summary>
/// A person who came through a start link lands where it points: a point's link (the poster on its door) shows that
/// point and offers a request to it; a measure's link opens its card. Unknown links fall back to the normal start.
/// </summary>
public sealed class StartLinkLanding : IStartLinks
{
    public const string PointStep = "outreach.point";

    /// <summary>Counts the start for its link, and remembers the first link a person came through.</summary>
    /// <returns>The payload, when the link points at a point or a measure that exists.</returns>
    public string? Recognise(ConversationContext context, string? payload)
    {
        ArgumentNullException.ThrowIfNull(context);
        var link = DeepLink.TryParse(payload, out var parsed) && Exists(context, parsed) ? KnownCampaign(context, parsed) : null;
        context.Emit(new Arrival(link?.Source, link?.Campaign));
        if (link is not null && context.Person.Source is null)
        {
            context.Person = context.Person with { Source = link.Source, Campaign = link.Campaign };
        }

        return link is { Target: DeepLinkTarget.Point or DeepLinkTarget.Measure } ? link.Payload : null;
    }

    /// <summary>A point's link shows that point and offers a request to it; a measure's link opens its card.</summary>
    public void Land(ConversationContext context, string payload)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (DeepLink.TryParse(payload, out var link) && link.Target == DeepLinkTarget.Point && context.Content.Points.FindPoint(link.Id) is { } point)
        {
            ShowPoint(context, point);
        }
        else if (link?.Target == DeepLinkTarget.Measure && context.Content.Measures.Find(link.Id) is { } measure)
        {
            CatalogExplorer.ShowMeasure(context, measure);
        }
        else
        {
            // The point or measure left the content while the language was asked.
            MenuScreen.Show(context);
        }
    }

    private static void ShowPoint(ConversationContext context, Point point)
    {
        context.Say("outreach.point.intro");
        PointFinder.Show(context, point, distanceKm: null);
        List<Choice> choices = [.. point.Takes.Order().Select(kind => new Choice(LeadConversation.StartAtPointButton(point.Id, kind), context.Text($"lead.kind.{LeadTopics.KindKey(kind)}")))];
        choices.Add(MenuScreen.HomeButton(context));
        context.Ask(PointStep, context.Text("outreach.point.question"), choices);
    }

    /// <summary>
    /// Only the campaign tags an administrator created are kept; any other counts as <see cref="OtherCampaign"/>, so a
    /// stranger's words never reach the profile, the requests or the statistics.
    /// </summary>
    private static DeepLink KnownCampaign(ConversationContext context, DeepLink link) => link switch
    {
        { Target: DeepLinkTarget.Campaign } when !context.Campaigns.Contains(link.Id) => link with { Id = OtherCampaign },
        { Campaign: { } tag } when !context.Campaigns.Contains(tag) => link with { Campaign = OtherCampaign },
        _ => link,
    };

    public const string OtherCampaign = "other";

    private static bool Exists(ConversationContext context, DeepLink link) => link.Target switch
    {
        DeepLinkTarget.Point => context.Content.Points.FindPoint(link.Id) is not null,
        DeepLinkTarget.Measure => context.Content.Measures.Find(link.Id) is not null,
        _ => true,
    };
}
