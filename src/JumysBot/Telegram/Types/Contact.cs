namespace JumysBot.Telegram.Types;

public sealed record Contact
{
    public required string PhoneNumber { get; init; }

    public required string FirstName { get; init; }

    public string? LastName { get; init; }

    /// <summary>Set when the contact is a Telegram user; equal to the sender's id when people share their own number.</summary>
    public long? UserId { get; init; }

    public string? Vcard { get; init; }
}
