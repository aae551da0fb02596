using System.Net;
using JumysBot.Telegram.Types;

namespace JumysBot.Telegram;

/// <summary>
/// Telegram answered <c>ok:false</c>. Catch by code: <c>catch (ApiRequestException e) when (e.ErrorCode == 403)</c>;
/// <see cref="Parameters"/> carries <c>retry_after</c> (429) and <c>migrate_to_chat_id</c> (400).
/// </summary>
public class ApiRequestException : RequestException
{
    public ApiRequestException()
        : this("The Bot API request failed.")
    {
    }

    public ApiRequestException(string message)
        : this(message, 0)
    {
    }

    public ApiRequestException(string message, Exception innerException)
        : base(message, innerException) => Description = message;

    public ApiRequestException(string description, int errorCode, ResponseParameters? parameters = null, HttpStatusCode? httpStatusCode = null)
        : base(description, httpStatusCode)
    {
        Description = description;
        ErrorCode = errorCode;
        Parameters = parameters;
    }

    /// <summary>Telegram's <c>error_code</c>, which follows HTTP: 400, 401, 403, 404, 409, 429, 5xx.</summary>
    public int ErrorCode { get; }

    /// <summary>Telegram's <c>description</c>, e.g. "Forbidden: bot was blocked by the user".</summary>
    public string Description { get; }

    public ResponseParameters? Parameters { get; }
}
