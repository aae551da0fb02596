namespace JumysBot.Localization;

/// <summary>A content file (localization/*.yaml) is missing or wrong; the bot refuses to start with this message.</summary>
public sealed class ContentException : Exception
{
    public ContentException()
    {
    }

    public ContentException(string message)
        : base(message)
    {
    }

    public ContentException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
