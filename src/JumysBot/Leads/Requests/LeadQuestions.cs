using JumysBot.Catalog;
using JumysBot.Conversations;
using JumysBot.Updates;

namespace JumysBot.Leads.Requests;

/// <summary>What each step of a request asks, with its buttons. Every step has «Назад»; typed answers work too.</summary>
internal sealed class LeadQuestions(ConversationContext context, Func<LeadDraft> draft, Func<LeadStep, string> stepName, Func<string> data)
{
    public const string Prefix = "lead:";
    public const string Agree = "lead:agree";
    public const string Decline = "lead:decline";
    public const string Back = "lead:back";
    public const string Skip = "lead:skip";
    public const string Confirm = "lead:confirm";
    public const string ShareContact = "lead:share_contact";
    public const string ShareLocation = "lead:share_location";
    public const string FromList = "lead:list";
    public const string ChosePrefix = "lead:c:";
    public const string EditPrefix = "lead:edit:";

    public void Topic()
    {
        var kind = draft().Kind;
        var choices = LeadTopics.MeasuresFor(kind)
            .Select(id => context.Content.Measures.Find(id))
            .OfType<Measure>()
            .Select(m => new Choice(ChosePrefix + m.Id, context.Text(m.Title)))
            .Concat(LeadTopics.AnswersFor(kind).Select(a => new Choice(ChosePrefix + a, context.Text(LeadTopics.AnswerTextKey(kind, a)))));
        Ask(LeadStep.Topic, context.Text($"lead.topic.{LeadTopics.KindKey(kind)}.question"), [.. choices, BackButton]);
    }

    public void Consent(string operatorName, int retentionDays) =>
        Ask(LeadStep.Consent, context.Text("lead.consent.question", ("operator", operatorName), ("days", retentionDays)),
        [
            new(Agree, context.Text("lead.consent.agree")),
            new(Decline, context.Text("lead.consent.decline")),
            BackButton,
        ]);

    public void Name(string? telegramName)
    {
        List<Choice> choices = [];
        if (telegramName is not null && PersonName.IsValid(telegramName))
        {
            choices.Add(new Choice(ChosePrefix + "telegram", telegramName));
        }

        choices.Add(BackButton);
        Ask(LeadStep.Name, context.Text(choices.Count > 1 ? "lead.name.question_with_telegram" : "lead.name.question"), choices);
    }

    /// <summary>A reply keyboard: only it can ask Telegram to share the person's own number.</summary>
    public void Phone() =>
        Ask(LeadStep.Phone, context.Text("lead.phone.question"),
        [
            new(ShareContact, context.Text("lead.phone.share")) { Request = ChoiceRequest.Contact },
            BackButton,
            new(MenuScreen.Home, context.Text("nav.cancel")),
        ]);

    public void ContactMethod() =>
        Ask(LeadStep.ContactMethod, context.Text("lead.method.question"),
        [
            new(ChosePrefix + "call", context.Text("lead.method.call")),
            new(ChosePrefix + "telegram", context.Text("lead.method.telegram")),
            new(ChosePrefix + "sms", context.Text("lead.method.sms")),
            BackButton,
        ]);

    public void ContactTime() =>
        Ask(LeadStep.ContactTime, context.Text("lead.time.question"),
        [
            new(ChosePrefix + "morning", context.Text("lead.time.morning")),
            new(ChosePrefix + "afternoon", context.Text("lead.time.afternoon")),
            new(ChosePrefix + "evening", context.Text("lead.time.evening")),
            new(ChosePrefix + "any", context.Text("lead.time.any")),
            BackButton,
        ]);

    public void Place() =>
        Ask(LeadStep.Place, context.Text("lead.place.question"),
        [
            new(ShareLocation, context.Text("lead.place.share")) { Request = ChoiceRequest.Location },
            new(FromList, context.Text("lead.place.from_list")),
            BackButton,
            new(MenuScreen.Home, context.Text("nav.cancel")),
        ]);

    public void PlaceList() =>
        Ask(LeadStep.PlaceList, context.Text("lead.place.list_question"),
            [.. context.Content.Points.Places.Select(p => new Choice(ChosePrefix + p.Id, context.Text(p.Name))), BackButton]);

    public void Group() =>
        Ask(LeadStep.Group, context.Text("lead.group.question"),
        [
            .. new[] { DisabilityGroup.First, DisabilityGroup.Second, DisabilityGroup.Third, DisabilityGroup.Child, DisabilityGroup.NotSaid }
                .Select(g => new Choice(ChosePrefix + g.ToString().ToLowerInvariant(), context.Text(SuitsMeWizard.GroupTextKey(g)))),
            BackButton,
        ]);

    public void Comment() =>
        Ask(LeadStep.Comment, context.Text("lead.comment.question"), [new(Skip, context.Text("lead.comment.skip")), BackButton]);

    public void Review()
    {
        var d = draft();
        var lines = new List<string> { context.Text("lead.review.title"), "", context.Text("lead.review.what", ("what", What(d))) };
        lines.Add(context.Text("lead.review.name", ("name", d.Name)));
        lines.Add(context.Text("lead.review.phone", ("phone", d.Phone)));
        lines.Add(context.Text("lead.review.method", ("method", Method(d))));
        lines.Add(context.Text("lead.review.place", ("place", PlaceText(d))));
        if (d.DisabilityGroup is { } group && group != DisabilityGroup.NotSaid)
        {
            lines.Add(context.Text("lead.review.group", ("group", context.Text(SuitsMeWizard.GroupTextKey(group)))));
        }

        lines.Add(context.Text("lead.review.comment", ("comment", d.VoiceFileId is not null ? context.Text("lead.review.voice") : d.Comment ?? context.Text("lead.review.none"))));
        var prompt = context.Text("lead.review.question");
        lines.Add("");
        lines.Add(prompt);
        context.Ask(stepName(LeadStep.Review), prompt,
        [
            new(Confirm, context.Text("lead.review.confirm")),
            new(EditPrefix + "name", context.Text("lead.review.edit_name")),
            new(EditPrefix + "phone", context.Text("lead.review.edit_phone")),
            new(EditPrefix + "method", context.Text("lead.review.edit_method")),
            new(EditPrefix + "place", context.Text("lead.review.edit_place")),
            new(EditPrefix + "comment", context.Text("lead.review.edit_comment")),
            new(MenuScreen.Home, context.Text("nav.cancel")),
        ], data(), string.Join('\n', lines));
    }

    public string What(LeadDraft d)
    {
        var kind = context.Text($"lead.kind.{LeadTopics.KindKey(d.Kind)}");
        var measure = context.Content.Measures.Find(d.MeasureId ?? d.Topic ?? "");
        var detail = measure is not null
            ? context.Text(measure.Title)
            : d.Topic is { } topic && LeadTopics.AnswersFor(d.Kind).Contains(topic) ? context.Text(LeadTopics.AnswerTextKey(d.Kind, topic)) : null;
        return detail is null || detail == kind ? kind : $"{kind}: {detail}";
    }

    public string Method(LeadDraft d)
    {
        var method = context.Text("lead.method." + (d.ContactMethod ?? Leads.ContactMethod.Call).ToString().ToLowerInvariant());
        return d.ContactMethod == Leads.ContactMethod.Call && d.ContactTime is { } time
            ? $"{method}, {context.Text("lead.time." + time.ToString().ToLowerInvariant()).ToLower(System.Globalization.CultureInfo.CurrentCulture)}"
            : method;
    }

    public string PlaceText(LeadDraft d) =>
        context.Content.Points.FindPoint(d.PointId) is { } point ? context.Text(point.Name)
        : context.Content.Points.FindPlace(d.PlaceId) is { } place ? context.Text(place.Name)
        : d.Latitude is not null ? context.Text("lead.review.location_shared")
        : context.Text("lead.review.none");

    private Choice BackButton => MenuScreen.BackButton(context, Back);

    private void Ask(LeadStep step, string prompt, IReadOnlyList<Choice> choices) => context.Ask(stepName(step), prompt, choices, data());
}
