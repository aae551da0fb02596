using System.Text.Json;
using JumysBot.Catalog;
using JumysBot.Conversations;
using Microsoft.Extensions.Options;

namespace JumysBot.Leads.Requests;

/// <summary>
/// Starts a request from a measure's «I want this» and runs its flow while the chat is in it. A person with an open
/// request of the same kind is shown that one instead of starting a second.
/// </summary>
public sealed class LeadConversation(IOptions<LeadOptions> options) : IChoiceHandler, IStepOwner
{
    private const string StartPrefix = Catalog.MeasureRequest.Prefix;
    private const string AtPointPrefix = "lead:at:";

    public IReadOnlyList<string> Prefixes { get; } = [StartPrefix, AtPointPrefix];

    /// <summary>A request of this kind straight to this point (from the point's start link).</summary>
    public static string StartAtPointButton(string pointId, LeadKind kind) => $"{AtPointPrefix}{pointId}:{kind}";

    public bool OnChoice(ConversationContext context, string choiceId, bool fromCurrentScreen)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(choiceId);
        if (choiceId.StartsWith(AtPointPrefix, StringComparison.Ordinal))
        {
            // Button data can be forged: the point must exist and take this kind of request.
            var parts = choiceId[AtPointPrefix.Length..].Split(':');
            return parts.Length == 2
                && context.Content.Points.FindPoint(parts[0]) is { } point
                && Enum.TryParse<LeadKind>(parts[1], out var atPoint) && Enum.IsDefined(atPoint) && point.Takes.Contains(atPoint)
                && Start(context, new LeadDraft { Kind = atPoint, PointId = point.Id });
        }

        if (context.Content.Measures.Find(choiceId[StartPrefix.Length..]) is not { } measure || LeadTopics.KindOf(measure.Action) is not { } kind)
        {
            return false;
        }

        return Start(context, new LeadDraft { Kind = kind, MeasureId = measure.Id });
    }

    private bool Start(ConversationContext context, LeadDraft draft)
    {
        var kind = draft.Kind;
        if (context.Person.Requests().FirstOrDefault(l => l.IsOpen && l.Draft.Kind == kind) is { } open)
        {
            var point = context.Content.Points.FindPoint(open.PointId);
            context.Say("lead.already_open", ("number", open.Number), ("point", point is null ? "" : context.Text(point.Name)));
            MenuScreen.Show(context);
            return true;
        }

        // A group the person already gave (or a carer's «child») is not asked again.
        var group = context.Person.DisabilityGroup is { } known && known != DisabilityGroup.NotSaid ? known : (DisabilityGroup?)null;
        var flow = LeadFlow.For(context, draft with { DisabilityGroup = group }, LeadStep.Topic, options.Value);
        flow.Start();
        context.Emit(new FunnelStepReached("started", kind));
        return true;
    }

    public bool Owns(string stepName) => stepName?.StartsWith(LeadFlow.StepPrefix, StringComparison.Ordinal) == true;

    public void Handle(ConversationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var state = context.State;
        var draft = state.Data is { } data ? TryRead(data) : null;
        if (!LeadFlow.TryParseStep(state.Step, out var step) || draft is null)
        {
            // A step from an older version of the bot: start over from the menu rather than guess.
            MenuScreen.Show(context);
            return;
        }

        var input = context.Input;
        string? choiceId = null;
        if (input.ButtonId is { } pressed)
        {
            if (!state.Choices.Any(c => c.Id == pressed))
            {
                context.Say("input.stale_button");
                context.AskAgain();
                return;
            }

            choiceId = pressed;
        }
        else if (input.Text is { } typed && ChoiceMatcher.Match(typed, state.Choices) is { } matched)
        {
            choiceId = matched.Id;
        }

        if (choiceId == MenuScreen.Home)
        {
            context.Say("cancel.done");
            MenuScreen.Show(context);
            return;
        }

        var flow = LeadFlow.For(context, draft, step, options.Value);
        flow.Handle(input, choiceId);
        if (flow.Confirmed)
        {
            context.Emit(new RequestConfirmed(context.Person, flow.Draft));
        }
    }

    private static LeadDraft? TryRead(string data)
    {
        try
        {
            return JsonSerializer.Deserialize(data, LeadJsonContext.Default.LeadDraft);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
