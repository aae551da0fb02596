namespace JumysBot.Telegram.Types;

public sealed record LinkPreviewOptions
{
    public bool? IsDisabled { get; init; }
}
