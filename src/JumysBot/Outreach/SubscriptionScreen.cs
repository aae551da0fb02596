using JumysBot.Conversations;

namespace JumysBot.Outreach;

/// <summary>
/// Opting in to announcements, never by default: the topics (each switched on or off), then the city or district or
/// the whole region. <c>/unsubscribe</c> and the button under every announcement turn it off at once, whatever the
/// person is in the middle of.
/// </summary>
public sealed class SubscriptionScreen : IAnytimeChoiceHandler
{
    public const string Open = "sub:open";
    public const string Off = "sub:off";
    private const string Edit = "sub:edit";
    private const string TopicPrefix = "sub:t:";
    private const string Next = "sub:next";
    private const string PlacePrefix = "sub:p:";
    private const string WholeRegion = "sub:p:all";
    private const string TopicsStep = "sub.topics";
    private const string PlaceStep = "sub.place";

    public IReadOnlyList<string> Prefixes { get; } = ["sub:"];

    public static void Show(ConversationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Person.Subscription is { } subscription)
        {
            context.Ask("sub.status", Describe(context, subscription, "subscription.status"),
                [new(Edit, context.Text("subscription.change")), new(Off, context.Text("subscription.unsubscribe")), MenuScreen.HomeButton(context)]);
        }
        else
        {
            context.Ask("sub.offer", context.Text("subscription.offer"), [new(Edit, context.Text("subscription.subscribe")), MenuScreen.HomeButton(context)]);
        }
    }

    /// <summary>Turns announcements off at once, from the command or from the button under any announcement.</summary>
    public static void Unsubscribe(ConversationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Say(context.Person.Subscription is null ? "subscription.not_subscribed" : "subscription.unsubscribed");
        context.Person = context.Person with { Subscription = null };
    }

    public bool OnChoice(ConversationContext context, string choiceId, bool fromCurrentScreen)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(choiceId);
        switch (choiceId)
        {
            case Open:
                Show(context);
                return true;
            case Off:
                Unsubscribe(context);
                if (fromCurrentScreen || !context.AskAgain())
                {
                    MenuScreen.Show(context);
                }

                return true;
            case Edit:
                AskTopics(context, context.Person.Subscription?.Topics ?? []);
                return true;
        }

        // Switching topics and choosing the place only make sense on the screen that shows them.
        if (!fromCurrentScreen)
        {
            return false;
        }

        var chosen = Subscription.ParseTopics(context.State.Data);
        if (choiceId.StartsWith(TopicPrefix, StringComparison.Ordinal) && Enum.TryParse<AnnouncementTopic>(choiceId[TopicPrefix.Length..], out var topic))
        {
            AskTopics(context, chosen.Contains(topic) ? [.. chosen.Where(t => t != topic)] : [.. chosen, topic]);
            return true;
        }

        if (choiceId == Next && context.State.Step == TopicsStep)
        {
            if (chosen.Count == 0)
            {
                context.Say("subscription.choose_a_topic");
                context.AskAgain();
            }
            else
            {
                context.Ask(PlaceStep, context.Text("subscription.place_question"),
                    [new(WholeRegion, context.Text("subscription.whole_region")), .. context.Content.Points.Places.Select(p => new Choice(PlacePrefix + p.Id, context.Text(p.Name))), MenuScreen.HomeButton(context)],
                    data: context.State.Data);
            }

            return true;
        }

        if (choiceId.StartsWith(PlacePrefix, StringComparison.Ordinal) && context.State.Step == PlaceStep && chosen.Count > 0)
        {
            var placeId = choiceId == WholeRegion ? null : choiceId[PlacePrefix.Length..];
            if (placeId is not null && context.Content.Points.FindPlace(placeId) is null)
            {
                return false;
            }

            var subscription = new Subscription(chosen, placeId);
            context.Person = context.Person with { Subscription = subscription };
            context.SayText(Describe(context, subscription, "subscription.done"));
            MenuScreen.Show(context);
            return true;
        }

        return false;
    }

    private static void AskTopics(ConversationContext context, IReadOnlyList<AnnouncementTopic> chosen)
    {
        List<Choice> choices = [.. Subscription.AllTopics.Select(t => new Choice(TopicPrefix + t, context.Text(
            chosen.Contains(t) ? "subscription.topic_on" : "subscription.topic_off", ("topic", TopicText(context, t)))))];
        choices.Add(new Choice(Next, context.Text("subscription.next")));
        choices.Add(MenuScreen.HomeButton(context));
        context.Ask(TopicsStep, context.Text("subscription.topics_question"), choices, data: Subscription.FormatTopics(chosen));
    }

    public static string TopicText(ConversationContext context, AnnouncementTopic topic)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Text("subscription.topic." + topic.ToString().ToLowerInvariant());
    }

    /// <summary>A text with the subscription's <c>{topics}</c> and <c>{place}</c> filled in.</summary>
    public static string Describe(ConversationContext context, Subscription subscription, string key)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(subscription);
        return context.Text(key, ("topics", TopicsText(context, subscription.Topics)), ("place", PlaceText(context, subscription.PlaceId)));
    }

    private static string TopicsText(ConversationContext context, IEnumerable<AnnouncementTopic> topics) =>
        string.Join(", ", topics.Select(t => TopicText(context, t)));

    private static string PlaceText(ConversationContext context, string? placeId) =>
        context.Content.Points.FindPlace(placeId) is { } place ? context.Text(place.Name) : context.Text("subscription.whole_region");
}
