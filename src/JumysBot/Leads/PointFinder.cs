using JumysBot.Conversations;

namespace JumysBot.Leads;

/// <summary>
/// «Find a consultation point» from the main menu, without registering anything: by a shared location (the
/// nearest point) or by a city or district. Shows what is filled of the address, phone and hours, and a map pin.
/// </summary>
public sealed class PointFinder : IChoiceHandler, IStepOwner
{
    private const string AskStep = "points.ask";
    private const string ListStep = "points.list";
    private const string ListId = "p:list";
    private const string PlacePrefix = "p:place:";
    private const string ShareId = "p:share";

    public IReadOnlyList<string> Prefixes { get; } = ["p:"];

    public static void Ask(ConversationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Ask(AskStep, context.Text("points.question"),
        [
            new(ShareId, context.Text("lead.place.share")) { Request = ChoiceRequest.Location },
            new(ListId, context.Text("lead.place.from_list")),
            new(MenuScreen.Home, context.Text("nav.home")),
        ]);
    }

    public bool OnChoice(ConversationContext context, string choiceId, bool fromCurrentScreen)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(choiceId);
        if (choiceId == ListId)
        {
            context.Ask(ListStep, context.Text("lead.place.list_question"),
                [.. context.Content.Points.Places.Select(p => new Choice(PlacePrefix + p.Id, context.Text(p.Name))), MenuScreen.HomeButton(context)]);
            return true;
        }

        if (choiceId == ShareId)
        {
            context.Say("lead.place.how_to_share");
            context.AskAgain();
            return true;
        }

        if (choiceId.StartsWith(PlacePrefix, StringComparison.Ordinal) && context.Content.Points.FindPlace(choiceId[PlacePrefix.Length..]) is { } place)
        {
            var serving = context.Content.Points.Points.Where(p => p.Serves.Contains(place.Id)).OrderBy(p => p.Kind).ToList();
            foreach (var point in serving)
            {
                Show(context, point, distanceKm: null);
            }

            MenuScreen.Show(context);
            return true;
        }

        return false;
    }

    public bool Owns(string stepName) => stepName is AskStep or ListStep;

    public void Handle(ConversationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var input = context.Input;
        if (input.Location is { } location)
        {
            var here = new GeoPoint(location.Latitude, location.Longitude);
            var nearest = context.Content.Points.Points
                .Where(p => p.Location is not null)
                .Select(p => (Point: p, Km: p.Location!.Value.DistanceKm(here)))
                .OrderBy(p => p.Km)
                .ThenBy(p => p.Point.Kind)
                .First();
            Show(context, nearest.Point, nearest.Km);
            MenuScreen.Show(context);
            return;
        }

        var choice = input.ButtonId is { } pressed
            ? context.State.Choices.FirstOrDefault(c => c.Id == pressed)
            : ChoiceMatcher.Match(input.Text, context.State.Choices);
        if (choice is null && input.Text is { } typed && context.State.Step == AskStep)
        {
            // A typed town name works without opening the list.
            var place = ChoiceMatcher.Match(typed, [.. context.Content.Points.Places.Select(p => new Choice(PlacePrefix + p.Id, context.Text(p.Name)))]);
            choice = place;
        }

        if (choice is null)
        {
            context.Say(input.Text is null ? "input.not_expected" : "lead.place.use_buttons");
            context.AskAgain();
        }
        else if (choice.Id == MenuScreen.Home)
        {
            MenuScreen.Show(context);
        }
        else
        {
            OnChoice(context, choice.Id, fromCurrentScreen: true);
        }
    }

    /// <summary>The point's name, distance, whatever details are filled, and a map pin.</summary>
    public static void Show(ConversationContext context, Point point, double? distanceKm)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(point);
        var lines = new List<string> { context.Text(point.Name) };
        if (distanceKm is { } km)
        {
            lines.Add(context.Text("lead.done.distance", ("km", Math.Round(km).ToString("0", System.Globalization.CultureInfo.InvariantCulture))));
        }

        if (point.Address is { } address)
        {
            lines.Add(context.Text("lead.done.address", ("address", context.Text(address))));
        }

        if (point.Phone is { } phone)
        {
            lines.Add(context.Text("lead.done.phone", ("phone", phone)));
        }

        if (point.Hours is { } hours)
        {
            lines.Add(context.Text("lead.done.hours", ("hours", context.Text(hours))));
        }

        if (point.Address is null && point.Phone is null)
        {
            lines.Add(context.Text("points.details_pending"));
        }

        context.SayText(string.Join('\n', lines));
        if (LeadDesk.Pin(point, context.Language) is { } pin)
        {
            context.Pin(pin);
        }
    }
}
