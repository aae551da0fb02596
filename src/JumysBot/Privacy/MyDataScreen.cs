using System.Globalization;
using JumysBot.Catalog;
using JumysBot.Conversations;
using JumysBot.Leads;
using JumysBot.Localization;

namespace JumysBot.Privacy;

/// <summary>/mydata: everything the bot keeps about the person, in their language, and the way to erase it.</summary>
public static class MyDataScreen
{
    public static void Show(ConversationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var person = context.Person;
        var notSaid = context.Text("mydata.none");
        var lines = new List<string>
        {
            context.Text(
                "mydata.summary",
                ("language", context.Text("language.name." + context.Language.ToCode())),
                ("role", person.Role is { } role ? context.Text(StartFlow.RoleTextKey(role)) : notSaid),
                ("group", person.DisabilityGroup is { } group ? context.Text(SuitsMeWizard.GroupTextKey(group)) : notSaid),
                ("age", person.AgeBand is { } age ? context.Text(SuitsMeWizard.AgeTextKey(age)) : notSaid),
                ("goal", person.Goal is { } goal ? context.Text(SuitsMeWizard.GoalTextKey(goal)) : notSaid)),
        };
        if (person.ConsentAt is { } at)
        {
            lines.Add(context.Text("mydata.consent", ("date", DateTimeOffset.FromUnixTimeMilliseconds(at).ToOffset(TimeSpan.FromHours(5)).ToString("dd.MM.yyyy", CultureInfo.InvariantCulture))));
        }

        if (person.Part<Outreach.Subscription>() is { } subscription)
        {
            lines.Add(Outreach.SubscriptionScreen.Describe(context, subscription, "subscription.mydata"));
        }

        if (person.Source is { } source)
        {
            lines.Add(context.Text("outreach.mydata_source", ("source", person.Campaign is null ? source : $"{source}, {person.Campaign}")));
        }

        foreach (var lead in person.Requests().Where(l => !l.IsForgotten))
        {
            var d = lead.Draft;
            var point = context.Content.Points.FindPoint(lead.PointId);
            lines.Add("");
            lines.Add(context.Text("mydata.lead", ("number", lead.Number), ("status", context.Text("mydata.status." + lead.Status.ToString().ToLowerInvariant())),
                ("point", point is null ? lead.PointId : context.Text(point.Name))));
            lines.Add(context.Text("lead.review.name", ("name", d.Name)));
            lines.Add(context.Text("lead.review.phone", ("phone", d.Phone)));
            if (d.Comment is not null || d.VoiceFileId is not null)
            {
                lines.Add(context.Text("lead.review.comment", ("comment", d.VoiceFileId is not null ? context.Text("lead.review.voice") : d.Comment)));
            }

            if (lead.Rating is { } rating)
            {
                lines.Add(context.Text("feedback.mydata_rating", ("rating", rating)));
            }

            if (lead.FeedbackComment is { } feedback)
            {
                lines.Add(context.Text("feedback.mydata_comment", ("comment", feedback)));
            }
        }

        lines.Add("");
        lines.Add(context.Text("mydata.where"));
        context.Ask("mydata", context.Text("mydata.what_next"),
        [
            new(ForgetFlow.AskId, context.Text("forget.button")),
            MenuScreen.HomeButton(context),
        ], body: string.Join('\n', lines));
    }
}
