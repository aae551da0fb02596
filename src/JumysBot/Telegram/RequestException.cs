using System.Net;

namespace JumysBot.Telegram;

/// <summary>
/// A Bot API call failed on the way: no connection, a timeout, or an answer that is not a Bot API response.
/// Worth retrying with backoff. The message never contains the bot token.
/// </summary>
public class RequestException : Exception
{
    public RequestException()
    {
    }

    public RequestException(string message)
        : base(message)
    {
    }

    public RequestException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public RequestException(string message, HttpStatusCode? httpStatusCode, Exception? innerException = null)
        : base(message, innerException) => HttpStatusCode = httpStatusCode;

    /// <summary>The HTTP status of the answer, when there was one.</summary>
    public HttpStatusCode? HttpStatusCode { get; }
}
