using JumysBot.Catalog;
using JumysBot.Content;
using JumysBot.Conversations;
using JumysBot.Leads.Consultants;
using JumysBot.Localization;
using JumysBot.Storage;
using JumysBot.Updates;
using Microsoft.Extensions.Options;

namespace JumysBot.Leads.FollowUp;

/// <summary>
/// The store's side of the follow-up, inside the update's transaction: when a consultant marks a request done the
/// person is asked once to rate the help, and when they could not reach the person, the person is asked to check the
/// number; what the person answers is stored here, and the cards in the consultants' chats follow. Nobody who erased
/// their data or blocked the bot is written to.
/// </summary>
public sealed class LeadFeedbackDesk(ContentStore content, IOptions<LeadOptions> options)
{
    /// <summary>The person's message after a consultant changed the status; empty when there is nothing to ask.</summary>
    public async Task<IReadOnlyList<OutgoingMessage>> OnStatusChangedAsync(StorageTransaction tx, Lead lead, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tx);
        ArgumentNullException.ThrowIfNull(lead);
        if (lead.Status is not (LeadStatus.Done or LeadStatus.Unreachable) || lead.IsForgotten
            || await tx.People.FindAsync(lead.PersonId, cancellationToken) is not { IsActive: true })
        {
            return [];
        }

        if (lead.Status == LeadStatus.Done && !await tx.Leads.MarkFeedbackAskedAsync(lead.Number, cancellationToken))
        {
            // Asked once already (the request was done before, then reopened): never twice.
            return [];
        }

        var language = LanguageCodes.FromCode(lead.Language) ?? Language.Russian;
        var texts = content.Current.Texts;
        var screen = lead.Status == LeadStatus.Done
            ? LeadFeedbackScreens.Rating(texts, language, lead.Number)
            : LeadFeedbackScreens.Unreached(texts, language, lead);

        // A person at rest gets the question as their current step, so a typed «5» answers it; someone in the middle
        // of something keeps their step, and the buttons still work from the message.
        if (LeadFeedbackScreens.IsResting(await tx.Conversations.FindAsync(lead.PersonId, cancellationToken)))
        {
            await tx.Conversations.SaveAsync(lead.PersonId, screen.ToState(), cancellationToken);
        }

        return [screen.ToMessage(lead.PersonId)];
    }

    /// <summary>Stores what the person changed, checking again that each request is theirs; returns the card edits and notes for consultants.</summary>
    public async Task<IReadOnlyList<OutgoingMessage>> ApplyAsync(
        StorageTransaction tx, long personId, IReadOnlyList<LeadFeedbackChange> changes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tx);
        ArgumentNullException.ThrowIfNull(changes);
        var messages = new List<OutgoingMessage>();
        foreach (var change in changes)
        {
            switch (change)
            {
                case RatingGiven rating:
                    await tx.Leads.RateAsync(rating.Lead, personId, rating.Rating, cancellationToken);
                    break;
                case FeedbackCommentGiven comment:
                    await tx.Leads.AddFeedbackCommentAsync(comment.Lead, personId, comment.Comment, cancellationToken);
                    break;
                case FeedbackVoiceGiven voice:
                    messages.AddRange(await ForwardVoiceAsync(tx, personId, voice, cancellationToken));
                    break;
                case PhoneChanged phone when await tx.Leads.ChangePhoneAsync(phone.Lead, personId, phone.Phone, cancellationToken):
                    messages.AddRange(await CardsAfterChangeAsync(tx, phone.Lead, "feedback.consultant_phone_changed", cancellationToken));
                    break;
                case TextOnlyChosen textOnly when await tx.Leads.ChangeToTextOnlyAsync(textOnly.Lead, personId, cancellationToken):
                    messages.AddRange(await CardsAfterChangeAsync(tx, textOnly.Lead, "feedback.consultant_text_only", cancellationToken));
                    break;
            }
        }

        return messages;
    }

    /// <summary>
    /// A voice message about the help: kept as «voice message» in the request's feedback, and sent to each chat that got
    /// the request's card, protected and erased with the request.
    /// </summary>
    private async Task<IReadOnlyList<OutgoingMessage>> ForwardVoiceAsync(StorageTransaction tx, long personId, FeedbackVoiceGiven voice, CancellationToken cancellationToken)
    {
        if (await tx.Leads.FindAsync(voice.Lead, cancellationToken) is not { } lead)
        {
            return [];
        }

        var texts = content.Current.Texts;
        var language = LanguageCodes.FromCode(lead.Language) ?? Language.Russian;
        if (!await tx.Leads.AddFeedbackCommentAsync(voice.Lead, personId, texts.Get(language, "lead.review.voice"), cancellationToken))
        {
            return [];
        }

        var messages = new List<OutgoingMessage>();
        foreach (var chat in (await tx.Leads.CardsAsync(voice.Lead, cancellationToken)).Select(c => c.ChatId).Distinct())
        {
            messages.Add(new OutgoingMessage
            {
                ChatId = chat,
                Text = texts.Get(await tx.Consultants.LanguageOfAsync(chat, cancellationToken), "feedback.consultant_voice", ("number", voice.Lead), ("rating", lead.Rating)),
                VoiceFileId = voice.VoiceFileId,
                VoiceOfLead = voice.Lead,
                Protected = true,
                Priority = MessagePriority.Notification,
            });
        }

        return messages;
    }

    /// <summary>Every card of the request, edited in place as a status change does, and a short note so the consultants see it.</summary>
    private async Task<IReadOnlyList<OutgoingMessage>> CardsAfterChangeAsync(StorageTransaction tx, long number, string noteKey, CancellationToken cancellationToken)
    {
        if (await tx.Leads.FindAsync(number, cancellationToken) is not { } lead)
        {
            return [];
        }

        var current = content.Current;
        var messages = new List<OutgoingMessage>();
        foreach (var (chat, messageId) in await tx.Leads.CardsAsync(number, cancellationToken))
        {
            var language = await tx.Consultants.LanguageOfAsync(chat, cancellationToken);
            messages.Add(LeadCard.Render(lead, chat, current, options.Value.MinimalCards, messageId, language));
            messages.Add(new OutgoingMessage
            {
                ChatId = chat,
                Text = current.Texts.Get(language, noteKey, ("number", number)),
                Priority = MessagePriority.Notification,
            });
        }

        return messages;
    }
}
