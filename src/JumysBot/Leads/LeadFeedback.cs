using System.Globalization;
using JumysBot.Conversations;
using static JumysBot.Leads.LeadFeedbackScreens;

namespace JumysBot.Leads;

/// <summary>
/// The person's side of the follow-up: a rating of the help once a request is done (then a few optional words), and,
/// when the consultant could not reach them, a new number or messages only. The buttons carry the request's number and
/// work from any step; each press is checked against the person's own requests, so a forged or stale one changes
/// nothing. A person who was in the middle of something is brought back to that question afterwards.
/// </summary>
public sealed class LeadFeedback : IAnytimeChoiceHandler, IStepOwner
{
    public IReadOnlyList<string> Prefixes { get; } = [Prefix];

    /// <remarks>
    /// The rating question is not owned: typed «1»…«5» match its buttons like any question's. The question after an
    /// unreached call is, so that a new number can simply be typed there.
    /// </remarks>
    public bool Owns(string stepName) => stepName is CommentStep or PhoneStep or UnreachedStep;

    /// <remarks>Whether the button is on the current screen does not matter: each press is checked on its own.</remarks>
    public bool OnChoice(ConversationContext context, string choiceId, bool fromCurrentScreen)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(choiceId);
        return Press(context, choiceId);
    }

    private static bool Press(ConversationContext context, string choiceId)
    {
        var parts = choiceId.Split(':');
        if (parts.Length is < 3 or > 4 || !long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return false;
        }

        // Only the person's own requests are loaded with them: someone else's number is simply not found.
        if (context.Person.Leads.FirstOrDefault(l => l.Number == number && !l.IsForgotten) is not { } lead)
        {
            Refuse(context, "feedback.not_found", number);
            return true;
        }

        var current = CurrentStepData(context, lead.Number);
        switch (parts[1])
        {
            case RateAction when parts.Length == 4:
                Rate(context, lead, parts[3]);
                return true;
            case SkipRatingAction when parts.Length == 3:
                context.Say("feedback.rating_skipped");
                ContinueWhereTheyWere(context);
                return true;
            case SkipCommentAction when current is not null && context.State.Step == CommentStep:
                context.Say("feedback.comment_skipped");
                Finish(context, current);
                return true;
            case ChangePhoneAction when parts.Length == 3:
                AskForPhone(context, lead);
                return true;
            case ShareContactAction when current is not null && context.State.Step == PhoneStep:
                // Typed as a number, the reply keyboard's button cannot share anything: say how, or to type it.
                context.Say("lead.phone.how_to_share");
                context.AskAgain();
                return true;
            case CancelPhoneAction when current is not null && context.State.Step == PhoneStep:
                context.Say("feedback.phone_kept");
                Finish(context, current);
                return true;
            case TextOnlyAction when parts.Length == 3:
                ChooseTextOnly(context, lead);
                return true;
            case NumberRightAction when parts.Length == 3 && !lead.IsOpen:
                Refuse(context, "feedback.closed", lead.Number);
                return true;
            case NumberRightAction when parts.Length == 3:
                context.Say("feedback.number_right_done");
                ContinueWhereTheyWere(context);
                return true;
            default:
                return false;
        }
    }

    /// <summary>The steps that take free text: the comment after a rating, and a new phone number (also typed straight after an unreached call).</summary>
    public void Handle(ConversationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var state = context.State;
        if (FeedbackStepData.TryRead(state.Data) is not { } data)
        {
            MenuScreen.Show(context);
            return;
        }

        var input = context.Input;
        if (input.ButtonId is not null)
        {
            // Follow-up buttons never come here; any other is from an older message.
            context.Say("input.stale_button");
            context.AskAgain();
            return;
        }

        if (state.Step is PhoneStep or UnreachedStep)
        {
            TakePhone(context, data);
        }
        else
        {
            TakeComment(context, data);
        }
    }

    private static void Rate(ConversationContext context, Lead lead, string typed)
    {
        if (!int.TryParse(typed, NumberStyles.None, CultureInfo.InvariantCulture, out var rating) || rating is < 1 or > 5)
        {
            Refuse(context, "feedback.rating_invalid", lead.Number);
            return;
        }

        if (lead.Status != LeadStatus.Done || lead.FeedbackAskedAt is null)
        {
            Refuse(context, "feedback.not_done", lead.Number);
            return;
        }

        if (lead.Rating is not null)
        {
            Refuse(context, "feedback.already_rated", lead.Number);
            return;
        }

        context.FeedbackChanges.Add(new RatingGiven(lead.Number, rating));
        context.Say("feedback.thanks");
        var screen = Comment(context.Content.Texts, context.Language, lead.Number);
        context.Ask(screen.Step, screen.Prompt, screen.Choices, new FeedbackStepData(lead.Number, ResumeFrom(context.State)).ToJson());
    }

    private static void AskForPhone(ConversationContext context, Lead lead)
    {
        if (!lead.IsOpen)
        {
            Refuse(context, "feedback.closed", lead.Number);
            return;
        }

        var screen = Phone(context.Content.Texts, context.Language, lead.Number);
        context.Ask(screen.Step, screen.Prompt, screen.Choices, new FeedbackStepData(lead.Number, ResumeFrom(context.State)).ToJson());
    }

    private static void ChooseTextOnly(ConversationContext context, Lead lead)
    {
        if (!lead.IsOpen)
        {
            Refuse(context, "feedback.closed", lead.Number);
            return;
        }

        if (lead.Draft.ContactMethod is null or ContactMethod.Call)
        {
            context.FeedbackChanges.Add(new TextOnlyChosen(lead.Number));
        }

        context.Say("feedback.text_only_done");
        ContinueWhereTheyWere(context);
    }

    private static void TakeComment(ConversationContext context, FeedbackStepData data)
    {
        var input = context.Input;
        if (input.Text is not { } typed)
        {
            context.Say(input.VoiceFileId is not null ? "feedback.comment_text_only"
                : input.Contact is not null || input.Location is not null ? "input.not_expected"
                : "input.unreadable");
            context.AskAgain();
            return;
        }

        if (ChoiceMatcher.Match(typed, context.State.Choices) is { } choice)
        {
            OnChoiceTyped(context, choice);
            return;
        }

        var comment = typed.Trim();
        if (comment.Length == 0)
        {
            context.Say("input.not_understood");
            context.AskAgain();
            return;
        }

        var cut = comment.Length > MaxCommentLength;
        if (cut)
        {
            // Cut on a whole character: a surrogate pair is never split.
            var end = char.IsHighSurrogate(comment[MaxCommentLength - 1]) ? MaxCommentLength - 1 : MaxCommentLength;
            comment = comment[..end].TrimEnd();
        }

        if (context.Person.Leads.FirstOrDefault(l => l.Number == data.Lead) is { Rating: not null, FeedbackComment: null })
        {
            context.FeedbackChanges.Add(new FeedbackCommentGiven(data.Lead, comment));
        }

        context.Say(cut ? "feedback.comment_cut" : "feedback.comment_thanks", ("limit", MaxCommentLength));
        Finish(context, data);
    }

    private static void TakePhone(ConversationContext context, FeedbackStepData data)
    {
        var input = context.Input;
        string? phone = null;
        if (input.Contact is { } contact)
        {
            if (contact.UserId != input.UserId)
            {
                context.Say("lead.phone.not_own");
                context.AskAgain();
                return;
            }

            phone = KzPhone.TryParse(contact.PhoneNumber, out var shared) ? shared : null;
        }
        else if (input.Text is { } typed)
        {
            if (KzPhone.TryParse(typed, out var normalized))
            {
                phone = normalized;
            }
            else if (ChoiceMatcher.Match(typed, context.State.Choices) is { } choice)
            {
                OnChoiceTyped(context, choice);
                return;
            }
        }
        else
        {
            context.Say(input.Location is not null || input.VoiceFileId is not null ? "input.not_expected" : "input.unreadable");
            context.AskAgain();
            return;
        }

        if (phone is null)
        {
            context.Say(context.State.Step == UnreachedStep && input.Contact is null ? "input.not_understood" : "lead.phone.invalid");
            context.AskAgain();
            return;
        }

        if (context.Person.Leads.FirstOrDefault(l => l.Number == data.Lead) is not { IsOpen: true, IsForgotten: false })
        {
            context.Say("feedback.closed", ("number", data.Lead));
        }
        else
        {
            context.FeedbackChanges.Add(new PhoneChanged(data.Lead, phone));
            context.Say("feedback.phone_changed", ("phone", phone));
        }

        Finish(context, data);
    }

    /// <summary>A button of the current step, typed by its number or words.</summary>
    private static void OnChoiceTyped(ConversationContext context, Choice choice)
    {
        if (!Press(context, choice.Id))
        {
            context.Say("input.not_understood");
            context.AskAgain();
        }
    }

    /// <summary>The follow-up step's data when the chat is at a follow-up step about this request.</summary>
    private static FeedbackStepData? CurrentStepData(ConversationContext context, long lead) =>
        context.State.Step is CommentStep or PhoneStep && FeedbackStepData.TryRead(context.State.Data) is { } data && data.Lead == lead ? data : null;

    /// <summary>
    /// Where to go back after a follow-up step: nowhere special for a chat at rest (the menu follows), the question the
    /// person was answering otherwise, or, from inside another follow-up step, the place that one would go back to.
    /// </summary>
    private static ResumePoint? ResumeFrom(ConversationState state) =>
        state.Step is CommentStep or PhoneStep ? FeedbackStepData.TryRead(state.Data)?.Resume
        : IsResting(state) ? null
        : ResumePoint.Of(state);

    /// <summary>After a follow-up step: back to the question the person left, or to the main menu.</summary>
    private static void Finish(ConversationContext context, FeedbackStepData data)
    {
        if (data.Resume is { } resume)
        {
            context.Say("feedback.resume");
            context.Ask(resume.Step, resume.Prompt, resume.Choices, resume.Data);
        }
        else
        {
            MenuScreen.Show(context);
        }
    }

    /// <summary>A press that changes nothing: a kind word, and the question the chat is at (or the menu) again.</summary>
    private static void Refuse(ConversationContext context, string key, long lead)
    {
        context.Say(key, ("number", lead));
        if (!context.AskAgain())
        {
            MenuScreen.Show(context);
        }
    }

    /// <summary>After a single press: a chat at rest gets the main menu, a chat in the middle of something its question again.</summary>
    private static void ContinueWhereTheyWere(ConversationContext context)
    {
        if (IsResting(context.State))
        {
            MenuScreen.Show(context);
            return;
        }

        context.Say("feedback.resume");
        if (!context.AskAgain())
        {
            MenuScreen.Show(context);
        }
    }
}
