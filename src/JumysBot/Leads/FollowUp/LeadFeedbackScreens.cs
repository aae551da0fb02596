using System.Globalization;
using JumysBot.Conversations;
using JumysBot.Localization;
using JumysBot.Updates;

namespace JumysBot.Leads.FollowUp;

/// <summary>
/// The questions of the follow-up after a request was worked, with their buttons. Each button carries the request's
/// number, so it works from an older message too; the conversation checks it against the person's own requests.
/// </summary>
public static class LeadFeedbackScreens
{
    public const string Prefix = "fb:";
    public const string StepPrefix = "feedback.";
    public const string RatingStep = "feedback.rating";
    public const string UnreachedStep = "feedback.unreached";
    public const string CommentStep = "feedback.comment";
    public const string PhoneStep = "feedback.phone";

    public const string RateAction = "r";
    public const string SkipRatingAction = "rs";
    public const string SkipCommentAction = "cs";
    public const string ChangePhoneAction = "ph";
    public const string ShareContactAction = "sc";
    public const string CancelPhoneAction = "pc";
    public const string TextOnlyAction = "to";
    public const string NumberRightAction = "ok";

    /// <summary>The longest comment kept; a longer one is cut here and the person is told.</summary>
    public const int MaxCommentLength = 1000;

    public static string Button(string action, long lead, int? rating = null) =>
        rating is { } n
            ? string.Create(CultureInfo.InvariantCulture, $"{Prefix}{action}:{lead}:{n}")
            : string.Create(CultureInfo.InvariantCulture, $"{Prefix}{action}:{lead}");

    /// <summary>Did you get the help you needed? 1 to 5, typed or pressed, or skip.</summary>
    public static FeedbackScreen Rating(TextCatalog texts, Language language, long lead)
    {
        ArgumentNullException.ThrowIfNull(texts);
        return new FeedbackScreen(
            lead,
            RatingStep,
            texts.Get(language, "feedback.rate_again", ("number", lead)),
            texts.Get(language, "feedback.rate_question", ("number", lead)),
            [
                .. Enumerable.Range(1, 5).Select(n => new Choice(Button(RateAction, lead, n), texts.Get(language, $"feedback.rate_{n}"))),
                new Choice(Button(SkipRatingAction, lead), texts.Get(language, "feedback.skip")),
            ]);
    }

    /// <summary>The consultant could not reach the person: is this number right, or would messages suit better?</summary>
    public static FeedbackScreen Unreached(TextCatalog texts, Language language, Lead lead)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentNullException.ThrowIfNull(lead);
        var phone = lead.Draft.Phone ?? "";
        List<Choice> choices = [new(Button(ChangePhoneAction, lead.Number), texts.Get(language, "feedback.change_phone"))];
        if (lead.Draft.ContactMethod is null or ContactMethod.Call)
        {
            choices.Add(new(Button(TextOnlyAction, lead.Number), texts.Get(language, "feedback.text_only")));
        }

        choices.Add(new(Button(NumberRightAction, lead.Number), texts.Get(language, "feedback.number_right")));
        return new FeedbackScreen(
            lead.Number,
            UnreachedStep,
            texts.Get(language, "feedback.unreached_again", ("phone", phone)),
            texts.Get(language, "feedback.unreached", ("number", lead.Number), ("phone", phone)),
            choices);
    }

    /// <summary>A few optional words after the rating.</summary>
    public static FeedbackScreen Comment(TextCatalog texts, Language language, long lead)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var prompt = texts.Get(language, "feedback.comment_question");
        return new FeedbackScreen(lead, CommentStep, prompt, prompt, [new(Button(SkipCommentAction, lead), texts.Get(language, "feedback.skip"))]);
    }

    /// <summary>The new number, typed or shared with the «share my number» button.</summary>
    public static FeedbackScreen Phone(TextCatalog texts, Language language, long lead)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var prompt = texts.Get(language, "feedback.phone_question");
        return new FeedbackScreen(lead, PhoneStep, prompt, prompt,
        [
            new(Button(ShareContactAction, lead), texts.Get(language, "lead.phone.share")) { Request = ChoiceRequest.Contact },
            new(Button(CancelPhoneAction, lead), texts.Get(language, "nav.cancel")),
        ]);
    }

    /// <summary>
    /// A chat at rest (the menu, browsing, a follow-up question, or no conversation at all) can be moved to a new
    /// follow-up question, so a typed «5» answers it. A chat in the middle of something keeps its step; the buttons
    /// still work from the message.
    /// </summary>
    public static bool IsResting(ConversationState? state) =>
        state is null || state.Step == Steps.New || Steps.IsBrowsing(state.Step) || state.Step is RatingStep or UnreachedStep;
}

/// <summary>One follow-up question about a request: its step, the short text that asks it again, the full text, and the buttons.</summary>
public sealed record FeedbackScreen(long Lead, string Step, string Prompt, string Body, IReadOnlyList<Choice> Choices)
{
    /// <summary>The question as a message from the bot, one button a row like every question.</summary>
    public OutgoingMessage ToMessage(long chatId) => new()
    {
        ChatId = chatId,
        Text = Body,
        Buttons = [.. Choices.Select(c => (IReadOnlyList<Choice>)[c])],
    };

    public ConversationState ToState() => new(Step, new FeedbackStepData(Lead, Resume: null).ToJson()) { Choices = Choices, Prompt = Prompt };
}
