using JumysBot.Conversations;
using JumysBot.Updates;
using static JumysBot.Leads.FollowUp.LeadFeedbackScreens;

namespace JumysBot.Leads.FollowUp;

/// <summary>What the follow-up does with an answer: a comment, a new number, messages only; and where the person goes next.</summary>
public sealed partial class LeadFeedback
{
    private static void ChooseTextOnly(ConversationContext context, Lead lead)
    {
        if (lead.Draft.ContactMethod is null or ContactMethod.Call)
        {
            context.Emit(new TextOnlyChosen(lead.Number));
        }

        context.Say("feedback.text_only_done");
        ContinueWhereTheyWere(context);
    }

    private static void TakeComment(ConversationContext context, FeedbackStepData data)
    {
        if (context.Input.VoiceFileId is { } voice)
        {
            // A voice message is kept as a request's comment is: the consultants hear it.
            if (context.Person.Requests().FirstOrDefault(l => l.Number == data.Lead) is { Rating: not null, FeedbackComment: null })
            {
                context.Emit(new FeedbackVoiceGiven(data.Lead, voice));
            }

            context.Say("feedback.comment_thanks");
            Finish(context, data);
            return;
        }

        var typed = context.Input.Text!;
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
        comment = PersonWords.Cut(comment, MaxCommentLength);

        if (context.Person.Requests().FirstOrDefault(l => l.Number == data.Lead) is { Rating: not null, FeedbackComment: null })
        {
            context.Emit(new FeedbackCommentGiven(data.Lead, comment));
        }

        context.Say(cut ? "feedback.comment_cut" : "feedback.comment_thanks", ("limit", MaxCommentLength));
        Finish(context, data);
    }

    private static void NotAText(ConversationContext context)
    {
        var input = context.Input;
        context.Say(input.Contact is not null || input.Location is not null ? "input.not_expected" : "input.unreadable");
        context.AskAgain();
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
            context.Say(input.VoiceFileId is not null ? "input.voice_not_here" : input.Location is not null ? "input.not_expected" : "input.unreadable");
            context.AskAgain();
            return;
        }

        if (phone is null)
        {
            context.Say(context.State.Step == UnreachedStep && input.Contact is null ? "input.not_understood" : "lead.phone.invalid");
            context.AskAgain();
            return;
        }

        if (context.Person.Requests().FirstOrDefault(l => l.Number == data.Lead) is not { IsOpen: true, IsForgotten: false })
        {
            context.Say("feedback.closed", ("number", data.Lead));
        }
        else
        {
            context.Emit(new PhoneChanged(data.Lead, phone));
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
