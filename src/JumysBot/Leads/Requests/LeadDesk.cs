using JumysBot.Catalog;
using JumysBot.Content;
using JumysBot.Conversations;
using JumysBot.Leads.Consultants;
using JumysBot.Leads.Points;
using JumysBot.Localization;
using JumysBot.Storage;
using JumysBot.Updates;
using Microsoft.Extensions.Options;

namespace JumysBot.Leads.Requests;

/// <summary>
/// Registers a confirmed request inside the update's transaction: routes it to a point, stores it with its first
/// status, and tells the person the number, what happens next and where the point is. A second request of the same
/// kind while one is open is not stored again; the person is shown the open one.
/// </summary>
public sealed class LeadDesk(ContentStore content, IOptions<LeadOptions> options, ConsultantDesk consultants, Updates.BotMetrics metrics)
{
    public async Task<IReadOnlyList<OutgoingMessage>> RegisterAsync(
        StorageTransaction tx, long chatId, Person person, LeadDraft draft, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tx);
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(draft);
        var current = content.Current;
        var language = person.Language ?? Language.Russian;
        var texts = current.Texts;
        var open = (await tx.Leads.ForPersonAsync(person.Id, cancellationToken)).FirstOrDefault(l => l.IsOpen && l.Draft.Kind == draft.Kind);
        if (open is not null)
        {
            var openPoint = current.Points.FindPoint(open.PointId);
            return [Message(texts.Get(language, "lead.already_open", ("number", open.Number), ("point", openPoint?.Name.In(language) ?? "")))];
        }

        GeoPoint? location = draft is { Latitude: { } lat, Longitude: { } lon } ? new GeoPoint(lat, lon) : null;
        var (point, distance) = LeadRouter.Route(current.Points, draft.Kind, draft.PlaceId, location, options.Value.FallbackPointId, draft.PointId);
        var number = await tx.Leads.AddAsync(
            new Lead { PersonId = person.Id, Draft = draft with { Editing = false }, PointId = point.Id, Language = language.ToCode(), Source = person.Source, Campaign = person.Campaign,
                ConsentVersion = person.ConsentVersion, ConsentAt = person.ConsentAt },
            actor: "person",
            cancellationToken);

        var lines = new List<string>
        {
            texts.Get(language, "lead.done.accepted", ("number", number)),
            texts.Get(language, draft.ContactMethod == ContactMethod.Call ? "lead.done.next_call" : "lead.done.next_text"),
        };
        if (draft.Kind == LeadKind.Other)
        {
            lines.Add(texts.Get(language, "lead.done.pass_on"));
        }

        lines.AddRange(
        [
            "",
            texts.Get(language, "lead.done.point", ("point", point.Name.In(language))),
        ]);
        if (distance is { } km)
        {
            lines.Add(texts.Get(language, DistanceKey(point), ("km", Math.Round(km).ToString("0", System.Globalization.CultureInfo.InvariantCulture))));
        }

        if (point.Approximate && point.Address is null)
        {
            lines.Add(texts.Get(language, "lead.done.address_from_consultant"));
        }

        // Only what the operator has filled in is shown; nothing is guessed.
        if (point.Address is { } address)
        {
            lines.Add(texts.Get(language, "lead.done.address", ("address", address.In(language))));
        }

        if (point.Phone is { } phone)
        {
            lines.Add(texts.Get(language, "lead.done.phone", ("phone", phone)));
        }

        if (point.Hours is { } hours)
        {
            lines.Add(texts.Get(language, "lead.done.hours", ("hours", hours.In(language))));
        }

        var stored = await tx.Leads.FindAsync(number, cancellationToken);
        metrics.LeadsCreated.Add(1, new KeyValuePair<string, object?>("kind", draft.Kind.ToString()), new KeyValuePair<string, object?>("point", point.Id));
        List<OutgoingMessage> messages = [Message(string.Join('\n', lines)) with { Venue = Pin(point, language) }];
        messages.AddRange(await consultants.CardsForNewLeadAsync(tx, stored!, cancellationToken));
        return messages;

        OutgoingMessage Message(string text) => new() { ChatId = chatId, Text = text };
    }

    /// <summary>The distance to the office, or to the town's centre when that is all the coordinates say.</summary>
    public static string DistanceKey(Point point)
    {
        ArgumentNullException.ThrowIfNull(point);
        return point.Approximate ? "lead.done.distance_to_centre" : "lead.done.distance";
    }

    /// <summary>A map pin for the point, when its coordinates are the office's own (not a town's centre).</summary>
    public static Venue? Pin(Point point, Language language)
    {
        ArgumentNullException.ThrowIfNull(point);
        return point.Location is { } at && !point.Approximate
            ? new Venue(at.Latitude, at.Longitude, point.Name.In(language), point.Address?.In(language) ?? point.Name.In(language))
            : null;
    }
}
