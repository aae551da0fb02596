using JumysBot.Telegram.Types;

namespace JumysBot.Telegram.Requests;

/// <summary>Sends a voice message already on Telegram's servers by its file id (a person's voice, to a consultant).</summary>
public sealed record SendVoiceRequest() : RequestBase<Message>("sendVoice")
{
    public required long ChatId { get; init; }

    public required string Voice { get; init; }

    public string? Caption { get; init; }
}
