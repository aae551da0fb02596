namespace JumysBot.Localization;

/// <summary>
/// The texts the bot shows on buttons. Telegram shows a label on one line and a phone cuts what does not fit; a screen
/// reader reads all of it before the person knows what the button does. So every label is at most
/// <see cref="MaxLength"/> characters in both languages, and the loader refuses an edit that breaks this.
/// </summary>
public static class ButtonLabels
{
    public const int MaxLength = 30;

    /// <summary>Groups whose every text is a label.</summary>
    private static readonly string[] _groups =
    [
        "language.name.", "nav.", "suits.group.", "suits.age.", "suits.goal.", "lead.kind.", "card.action.", "subscription.topic.",
    ];

    private static readonly HashSet<string> _keys = new(StringComparer.Ordinal)
    {
        "feedback.rate_1", "feedback.rate_2", "feedback.rate_3", "feedback.rate_4", "feedback.rate_5", "feedback.skip",
        "feedback.change_phone", "feedback.text_only", "feedback.number_right",
        "role.person_with_disability", "role.carer", "role.other", "role.not_said",
        "menu.measures", "menu.training", "menu.grant", "menu.job", "menu.points", "menu.suits_me", "menu.subscription", "menu.mydata", "menu.language",
        "catalog.by_audience", "catalog.action.register", "catalog.action.request", "catalog.action.find_point", "catalog.action.link",
        "suits.change",
        "forget.button", "forget.yes", "forget.no",
        "lead.topic.grant.course", "lead.topic.grant.grant", "lead.topic.grant.unsure",
        "lead.topic.job_coach.find", "lead.topic.job_coach.adapt", "lead.topic.job_coach.keep",
        "lead.consent.agree", "lead.consent.decline", "lead.phone.share",
        "lead.method.call", "lead.method.telegram", "lead.method.sms",
        "lead.time.morning", "lead.time.afternoon", "lead.time.evening", "lead.time.any",
        "lead.place.share", "lead.place.from_list", "lead.comment.skip",
        "lead.review.confirm", "lead.review.edit_name", "lead.review.edit_phone", "lead.review.edit_method", "lead.review.edit_place", "lead.review.edit_comment",
        "subscription.subscribe", "subscription.change", "subscription.unsubscribe", "subscription.next", "subscription.whole_region",
        "subscription.topic_on", "subscription.topic_off",
        "announce.send", "announce.cancel", "consultant.decline",
    };

    /// <summary>True when the text under <paramref name="key"/> is shown on a button.</summary>
    public static bool IsLabel(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return _keys.Contains(key) || _groups.Any(g => key.StartsWith(g, StringComparison.Ordinal));
    }

    /// <summary>
    /// The label's length as a person sees it. A placeholder counts as the longest text it can take: for a topic's
    /// «{topic}: да» that is the longest topic; <paramref name="longest"/> gives each placeholder's longest value.
    /// </summary>
    public static int Length(string label, IReadOnlyDictionary<string, int> longest)
    {
        ArgumentNullException.ThrowIfNull(label);
        ArgumentNullException.ThrowIfNull(longest);
        var length = label.Length;
        foreach (var (name, value) in longest)
        {
            var placeholder = "{" + name + "}";
            var at = 0;
            while ((at = label.IndexOf(placeholder, at, StringComparison.Ordinal)) >= 0)
            {
                length += value - placeholder.Length;
                at += placeholder.Length;
            }
        }

        return length;
    }
}
