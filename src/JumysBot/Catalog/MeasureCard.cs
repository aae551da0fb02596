using System.Text;
using JumysBot.Content;
using JumysBot.Conversations;

namespace JumysBot.Catalog;

/// <summary>A measure as a card: what it is, what you get, who can apply, how; in Telegram HTML with everything escaped.</summary>
public static class MeasureCard
{
    public static string Render(ConversationContext context, Measure measure)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(measure);
        var card = new StringBuilder();
        card.Append("<b>").Append(Escape(context.Text(measure.Title))).Append("</b>\n");
        card.Append(Escape(context.Text(measure.Summary)));
        Section("catalog.card.what_you_get", measure.WhatYouGet);
        Section("catalog.card.who_can_apply", measure.WhoCanApply);
        Section("catalog.card.how_to_apply", measure.HowToApply);
        if (measure.WhatYouGet is null || measure.WhoCanApply is null || measure.HowToApply is null)
        {
            // Fields the sources do not confirm were left out; say where to learn them instead.
            card.Append("\n\n").Append(Escape(context.Text("catalog.card.ask_consultant")));
        }

        if (measure.Link is { } link)
        {
            card.Append("\n\n").Append(Escape(context.Text("catalog.card.link", ("url", link.AbsoluteUri))));
        }

        if (UsesMrp(measure))
        {
            card.Append("\n\n").Append(Escape(context.Text("money.mrp_explained")));
        }

        return card.ToString();

        void Section(string headingKey, LocalizedText? text)
        {
            if (text is not null)
            {
                card.Append("\n\n<b>").Append(Escape(context.Text(headingKey))).Append("</b>\n").Append(Escape(context.Text(text)));
            }
        }
    }

    private static bool UsesMrp(Measure measure) =>
        new[] { measure.Summary, measure.WhatYouGet, measure.WhoCanApply, measure.HowToApply }
            .Any(t => t is not null && (Money.HasMrp(t.Ru) || Money.HasMrp(t.Kk)));

    private static string Escape(string text) => ConversationContext.Escape(text);
}
