namespace JumysBot.Conversations;

/// <summary>
/// Reads the payload of <c>/start</c> (a start link from a poster or a partner's page): counts the arrival, remembers
/// where the person came from, and lands where the link points once the language is known. A feature provides it
/// (Outreach); without one, every start is the plain one.
/// </summary>
public interface IStartLinks
{
    /// <returns>The payload to land on once the language is chosen; null when the link leads nowhere of its own.</returns>
    string? Recognise(ConversationContext context, string? payload);

    /// <summary>Shows what a payload <see cref="Recognise"/> returned points at.</summary>
    void Land(ConversationContext context, string payload);
}
