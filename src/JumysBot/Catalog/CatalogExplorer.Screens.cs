using JumysBot.Conversations;
using JumysBot.Updates;

namespace JumysBot.Catalog;

/// <summary>The screens of the catalogue: categories, audiences, lists of measures, and a measure's card.</summary>
public sealed partial class CatalogExplorer
{
    private static void ShowCategories(ConversationContext context) =>
        context.Ask("catalog.categories", context.Text("catalog.categories_title"),
        [
            .. context.Content.Measures.Categories.OrderBy(c => c.Key).Select(c => new Choice(CategoryPrefix + MeasureCatalogLoader.ToSnakeCase(c.Key.ToString()), context.Text(c.Value))),
            new(AudiencesId, context.Text("catalog.by_audience")),
            new(SuitsMeWizard.StartId, context.Text("menu.suits_me")),
            MenuScreen.HomeButton(context),
        ]);

    private static void ShowAudiences(ConversationContext context) =>
        context.Ask("catalog.audiences", context.Text("catalog.audiences_title"),
        [
            .. context.Content.Measures.Audiences.OrderBy(a => a.Key).Select(a => new Choice(AudiencePrefix + a.Key.ToString().ToLowerInvariant(), context.Text(a.Value))),
            MenuScreen.BackButton(context, Categories),
            MenuScreen.HomeButton(context),
        ]);

    /// <summary>The list a descriptor names (a category, an audience, or search results); null when it names none.</summary>
    private static MeasureList? ListOf(ConversationContext context, string? descriptor)
    {
        if (descriptor is null)
        {
            return null;
        }

        if (descriptor.StartsWith(CategoryPrefix, StringComparison.Ordinal) && TryParse<MeasureCategory>(descriptor[CategoryPrefix.Length..], out var category))
        {
            var title = context.Text("catalog.category_title", ("category", context.Text(context.Content.Measures.Categories[category])));
            return new MeasureList(title, ForPerson(context, context.Content.Measures.InCategory(category)), descriptor, Categories);
        }

        if (descriptor.StartsWith(AudiencePrefix, StringComparison.Ordinal) && TryParse<Audience>(descriptor[AudiencePrefix.Length..], out var audience))
        {
            var title = context.Text("catalog.audience_title", ("audience", context.Text(context.Content.Measures.Audiences[audience])));
            return new MeasureList(title, [.. context.Content.Measures.For(audience)], descriptor, AudiencesId);
        }

        if (descriptor.StartsWith(SearchPrefix, StringComparison.Ordinal))
        {
            var found = descriptor[SearchPrefix.Length..].Split(',').Select(context.Content.Measures.Find).OfType<Measure>().ToList();
            return new MeasureList(context.Text("search.results_again"), found, descriptor, Back: null);
        }

        return null;
    }

    private static void ShowMeasures(ConversationContext context, string title, IReadOnlyList<Measure> measures, string descriptor, string? back)
    {
        var lines = measures.Select((m, i) => $"{i + 1}. <b>{ConversationContext.Escape(context.Text(m.Title))}</b>. {ConversationContext.Escape(context.Text(m.Summary))}");
        var body = ConversationContext.Escape(title) + "\n\n" + string.Join("\n\n", lines);
        List<Choice> choices = [.. measures.Select(m => new Choice(MeasurePrefix + m.Id, context.Text(m.Title)))];
        if (back is not null)
        {
            choices.Add(MenuScreen.BackButton(context, back));
        }

        choices.Add(MenuScreen.HomeButton(context));
        context.Ask(ListStep, title, choices, descriptor, body, html: true);
    }

    private static void ShowCard(ConversationContext context, Measure measure, string origin)
    {
        List<Choice> choices = [];
        if (measure.Action == MeasureAction.Link && measure.Link is { } link)
        {
            choices.Add(new Choice(ActionPrefix + measure.Id, context.Text("catalog.action.link")) { Url = link });
        }
        else if (MeasureRequest.Takes(measure.Action))
        {
            choices.Add(new Choice(MeasureRequest.ButtonId(measure.Id), context.Text(MeasureRequest.ButtonTextKey(measure.Action))));
        }
        else if (measure.Action == MeasureAction.FindPoint)
        {
            choices.Add(new Choice(ActionPrefix + measure.Id, context.Text("catalog.action.find_point")));
        }

        var backId = origin.StartsWith(SearchPrefix, StringComparison.Ordinal) ? SearchBack : origin;
        if (backId != MenuScreen.Home)
        {
            choices.Add(MenuScreen.BackButton(context, backId));
        }

        choices.Add(MenuScreen.HomeButton(context));
        context.Ask(CardStep, context.Text("catalog.card.prompt"), choices, origin, MeasureCard.Render(context, measure), html: true);
    }

    /// <summary>The measures for who the person said they are come first.</summary>
    private static List<Measure> ForPerson(ConversationContext context, IEnumerable<Measure> measures)
    {
        var audience = context.Person.Role switch
        {
            PersonRole.PersonWithDisability => Audience.Disability,
            PersonRole.CarerOfChild => Audience.Carer,
            _ => (Audience?)null,
        };
        return [.. measures.OrderByDescending(m => audience is { } a && m.Audiences.Contains(a))];
    }

    private static bool TryParse<TEnum>(string snake, out TEnum value)
        where TEnum : struct, Enum =>
        Enum.TryParse(snake.Replace("_", "", StringComparison.Ordinal), ignoreCase: true, out value) && Enum.IsDefined(value) && !char.IsDigit(snake.FirstOrDefault());
}
