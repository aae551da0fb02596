namespace JumysBot.Leads.FollowUp;

/// <summary>
/// A change the person made to one of their requests in a turn of the conversation; the store applies it in the same
/// transaction, checking again that the request is theirs and in a state that allows it.
/// </summary>
public abstract record LeadFeedbackChange(long Lead) : Updates.IEffect;

/// <summary>The person rated the help they got on a done request, 1 to 5.</summary>
public sealed record RatingGiven(long Lead, int Rating) : LeadFeedbackChange(Lead);

/// <summary>The person added a few words to their rating.</summary>
public sealed record FeedbackCommentGiven(long Lead, string Comment) : LeadFeedbackChange(Lead);

/// <summary>The person said their few words as a voice message (its Telegram file id): it goes to the consultants.</summary>
public sealed record FeedbackVoiceGiven(long Lead, string VoiceFileId) : LeadFeedbackChange(Lead);

/// <summary>The consultant could not reach the person, who gave a new number (+7XXXXXXXXXX).</summary>
public sealed record PhoneChanged(long Lead, string Phone) : LeadFeedbackChange(Lead);

/// <summary>The consultant could not reach the person, who asked for messages only.</summary>
public sealed record TextOnlyChosen(long Lead) : LeadFeedbackChange(Lead);
