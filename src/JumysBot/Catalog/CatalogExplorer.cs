using JumysBot.Conversations;

namespace JumysBot.Catalog;

/// <summary>
/// Browsing the support measures: by category, by whom they are for, or by typed words; each measure as a card with
/// the step it leads to, a way back, and the main menu.
/// </summary>
public sealed class CatalogExplorer : IChoiceHandler
{
    public const string Categories = "x:cats";
    public const string AudiencesId = "x:aud";
    public const string SearchBack = "x:s";
    public const string ListStep = "catalog.list";
    public const string CardStep = "catalog.card";

    private const string CategoryPrefix = "x:c:";
    private const string AudiencePrefix = "x:a:";
    private const string MeasurePrefix = "x:m:";
    private const string ActionPrefix = "x:act:";
    private const string SearchPrefix = "x:s:";
    private const int MaxQueryEcho = 100;

    public IReadOnlyList<string> Prefixes { get; } = ["x:"];

    public static string MeasureButton(string measureId) => MeasurePrefix + measureId;

    public bool OnChoice(ConversationContext context, string choiceId, bool fromCurrentScreen)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(choiceId);
        switch (choiceId)
        {
            case Categories:
                ShowCategories(context);
                return true;
            case AudiencesId:
                ShowAudiences(context);
                return true;
            case SearchBack:
                return ShowList(context, context.State.Step == CardStep ? context.State.Data : null);
        }

        if (choiceId.StartsWith(MeasurePrefix, StringComparison.Ordinal) && context.Catalog.Find(choiceId[MeasurePrefix.Length..]) is { } measure)
        {
            var origin = fromCurrentScreen ? OriginOf(context.State) : Categories;
            ShowCard(context, measure, origin);
            return true;
        }

        if (choiceId.StartsWith(ActionPrefix, StringComparison.Ordinal) && context.Catalog.Find(choiceId[ActionPrefix.Length..]) is { } acted)
        {
            RunAction(context, acted);
            return true;
        }

        return ShowList(context, choiceId);
    }

    /// <summary>What a person typed outside a question: the best matching measures, or the menu and where to get help.</summary>
    public static void Search(ConversationContext context, string typed)
    {
        ArgumentNullException.ThrowIfNull(context);
        var found = context.Content.Search.Find(typed);
        var echo = typed.Length > MaxQueryEcho ? typed[..MaxQueryEcho] + "…" : typed;
        if (found.Count == 0)
        {
            context.Say("search.nothing", ("query", echo));
            MenuScreen.Show(context);
            return;
        }

        ShowMeasures(context, context.Text("search.results", ("query", echo)), found, SearchPrefix + string.Join(',', found.Select(m => m.Id)), back: null);
    }

    private static void ShowCategories(ConversationContext context) =>
        context.Ask("catalog.categories", context.Text("catalog.categories_title"),
        [
            .. context.Catalog.Categories.OrderBy(c => c.Key).Select(c => new Choice(CategoryPrefix + MeasureCatalogLoader.ToSnakeCase(c.Key.ToString()), context.Text(c.Value))),
            new(AudiencesId, context.Text("catalog.by_audience")),
            new("w:start", context.Text("menu.suits_me")),
            MenuScreen.HomeButton(context),
        ]);

    private static void ShowAudiences(ConversationContext context) =>
        context.Ask("catalog.audiences", context.Text("catalog.audiences_title"),
        [
            .. context.Catalog.Audiences.OrderBy(a => a.Key).Select(a => new Choice(AudiencePrefix + a.Key.ToString().ToLowerInvariant(), context.Text(a.Value))),
            MenuScreen.BackButton(context, Categories),
            MenuScreen.HomeButton(context),
        ]);

    /// <summary>Shows the list a descriptor names (a category, an audience, or search results); false when it names none.</summary>
    private static bool ShowList(ConversationContext context, string? descriptor)
    {
        if (descriptor is null)
        {
            return false;
        }

        if (descriptor.StartsWith(CategoryPrefix, StringComparison.Ordinal) && TryParse<MeasureCategory>(descriptor[CategoryPrefix.Length..], out var category))
        {
            var measures = ForPerson(context, context.Catalog.InCategory(category));
            var title = context.Text("catalog.category_title", ("category", context.Text(context.Catalog.Categories[category])));
            if (measures.Count == 1)
            {
                ShowCard(context, measures[0], Categories);
            }
            else
            {
                ShowMeasures(context, title, measures, descriptor, back: Categories);
            }

            return true;
        }

        if (descriptor.StartsWith(AudiencePrefix, StringComparison.Ordinal) && TryParse<Audience>(descriptor[AudiencePrefix.Length..], out var audience))
        {
            var title = context.Text("catalog.audience_title", ("audience", context.Text(context.Catalog.Audiences[audience])));
            ShowMeasures(context, title, [.. context.Catalog.For(audience)], descriptor, back: AudiencesId);
            return true;
        }

        if (descriptor.StartsWith(SearchPrefix, StringComparison.Ordinal))
        {
            var found = descriptor[SearchPrefix.Length..].Split(',').Select(context.Catalog.Find).OfType<Measure>().ToList();
            ShowMeasures(context, context.Text("search.results_again"), found, descriptor, back: null);
            return true;
        }

        return false;
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

    /// <summary>A measure's card on its own (a start link to it): Back is the main menu.</summary>
    public static void ShowMeasure(ConversationContext context, Measure measure) => ShowCard(context, measure, MenuScreen.Home);

    private static void ShowCard(ConversationContext context, Measure measure, string origin)
    {
        List<Choice> choices = [];
        if (measure.Action == MeasureAction.Link && measure.Link is { } link)
        {
            choices.Add(new Choice(ActionPrefix + measure.Id, context.Text("catalog.action.link")) { Url = link });
        }
        else if (Leads.LeadTopics.KindOf(measure.Action) is not null)
        {
            choices.Add(new Choice(Leads.LeadConversation.StartButton(measure.Id), context.Text("catalog.action.register")));
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

    private static void RunAction(ConversationContext context, Measure measure)
    {
        if (measure.Action == MeasureAction.FindPoint)
        {
            Leads.PointFinder.Ask(context);
            return;
        }

        context.Say("catalog.action.link_hint");
        if (!context.AskAgain())
        {
            MenuScreen.Show(context);
        }
    }

    /// <summary>Where «Back» on a card leads: the list or results the card was opened from.</summary>
    private static string OriginOf(ConversationState state) => state.Step switch
    {
        ListStep => state.Data ?? Categories,
        CardStep => state.Data ?? Categories,
        "suits.results" => "w:results",
        Steps.Menu => MenuScreen.Home,
        _ => Categories,
    };

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
