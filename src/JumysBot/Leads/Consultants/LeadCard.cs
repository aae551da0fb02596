using System.Globalization;
using JumysBot.Catalog;
using JumysBot.Content;
using JumysBot.Conversations;
using JumysBot.Leads.Requests;
using JumysBot.Localization;
using JumysBot.Updates;

namespace JumysBot.Leads.Consultants;

/// <summary>
/// The card consultants work a request from: everything needed to call back (or, in minimal mode, only the number,
/// the kind and the district), its status and who changed it, and one button a row for the next step.
/// </summary>
public static class LeadCard
{
    public const string Prefix = "c:";

    /// <summary>The consultants' language unless their chat chose another: Russian, as the region's offices work.</summary>
    public const Language ConsultantLanguage = Language.Russian;

    /// <param name="language">The consultants' chat's language; Russian unless the chat chose Kazakh.</param>
    public static OutgoingMessage Render(Lead lead, long chatId, BotContent content, bool minimal, long? editMessageId = null, Language language = ConsultantLanguage)
    {
        ArgumentNullException.ThrowIfNull(lead);
        ArgumentNullException.ThrowIfNull(content);
        var texts = content.Texts;
        var d = lead.Draft;
        string T(string key, params ReadOnlySpan<(string, object?)> args) => texts.Get(language, key, args);
        var lines = new List<string>
        {
            T("card.title", ("number", lead.Number), ("status", T("card.status." + lead.Status.ToString().ToLowerInvariant()))),
            T("card.kind", ("kind", What(d, content, language))),
            T("card.place", ("place", Place(d, content, language))),
        };
        if (d.Kind == LeadKind.Other)
        {
            lines.Add(T("card.pass_on"));
        }

        if (lead.IsForgotten)
        {
            lines.Add(T("card.forgotten"));
        }
        else if (!minimal)
        {
            // The person's own words each stay on one line that starts with its label, so they cannot pose as a card line.
            lines.Add(T("card.name", ("name", d.Name is null ? null : PersonWords.OnOneLine(d.Name))));
            lines.Add(T("card.phone", ("phone", d.Phone)));
            lines.Add(T("card.contact", ("contact", Contact(d, texts, language))));
            lines.Add(T("card.language", ("language", T("language.name." + lead.Language))));
            if (d.DisabilityGroup is { } group && group != DisabilityGroup.NotSaid)
            {
                lines.Add(T("card.group", ("group", T(SuitsMeWizard.GroupTextKey(group)))));
            }

            if (d.Comment is { } comment)
            {
                lines.Add(T("card.comment", ("comment", PersonWords.OnOneLine(comment))));
            }

            if (d.VoiceFileId is not null)
            {
                lines.Add(T("card.voice"));
            }
        }

        if (lead.TakenBy is { } by && lead.Status != LeadStatus.New)
        {
            lines.Add(T("card.changed_by", ("name", by)));
        }

        return new OutgoingMessage
        {
            ChatId = chatId,
            Text = string.Join('\n', lines),
            Buttons = [.. Actions(lead.Status).Select(a => (IReadOnlyList<Choice>)[new Choice($"{Prefix}{a}:{lead.Number}", T("card.action." + a))])],
            Priority = MessagePriority.Notification,
            EditMessageId = editMessageId,
            LeadCard = lead.Number,
            Protected = true,
        };
    }

    /// <summary>The steps a consultant can take from each status.</summary>
    public static IReadOnlyList<string> Actions(LeadStatus status) => status switch
    {
        LeadStatus.New => ["take"],
        LeadStatus.InProgress => ["contacted", "unreached", "return"],
        LeadStatus.Unreachable => ["contacted", "return"],
        LeadStatus.Contacted => ["done", "return"],
        _ => [],
    };

    public static LeadStatus? Target(string action) => action switch
    {
        "take" => LeadStatus.InProgress,
        "contacted" => LeadStatus.Contacted,
        "unreached" => LeadStatus.Unreachable,
        "done" => LeadStatus.Done,
        "return" => LeadStatus.New,
        _ => null,
    };

    public static string What(LeadDraft d, BotContent content, Language language = ConsultantLanguage)
    {
        ArgumentNullException.ThrowIfNull(d);
        ArgumentNullException.ThrowIfNull(content);
        var texts = content.Texts;
        var kind = texts.Get(language, $"lead.kind.{LeadTopics.KindKey(d.Kind)}");
        var detail = content.Measures.Find(d.Topic ?? "") ?? content.Measures.Find(d.MeasureId ?? "");
        var topic = d.Topic is { } t && LeadTopics.AnswersFor(d.Kind).Contains(t) ? texts.Get(language, LeadTopics.AnswerTextKey(d.Kind, t)) : null;
        // «Job coach (наставник)» is both a kind and a measure's title: said once.
        return string.Join(": ", new[] { kind, detail?.Title.In(language), topic }.Where(s => s is not null).Distinct(StringComparer.Ordinal));
    }

    internal static string Place(LeadDraft d, BotContent content, Language language) =>
        content.Points.FindPlace(d.PlaceId) is { } place ? place.Name.In(language)
        : d is { Latitude: { } lat, Longitude: { } lon }
            ? content.Texts.Get(language, "card.location", ("lat", lat.ToString("0.####", CultureInfo.InvariantCulture)), ("lon", lon.ToString("0.####", CultureInfo.InvariantCulture)))
            : content.Texts.Get(language, "lead.review.none");

    internal static string Contact(LeadDraft d, TextCatalog texts, Language language)
    {
        var method = texts.Get(language, "card.method." + (d.ContactMethod ?? ContactMethod.Call).ToString().ToLowerInvariant());
        return d.ContactMethod is null or ContactMethod.Call && d.ContactTime is { } time
            ? $"{method}, {texts.Get(language, "card.time." + time.ToString().ToLowerInvariant())}"
            : method;
    }
}
