namespace JumysBot.Telegram.Types;

public sealed record ChatMember
{
    /// <summary><c>creator</c>, <c>administrator</c>, <c>member</c>, <c>restricted</c>, <c>left</c> or <c>kicked</c>.</summary>
    public required string Status { get; init; }
}
