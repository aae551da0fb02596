using JumysBot.Telegram.Requests;

namespace JumysBot.Telegram;

/// <summary>
/// The one seam to the Bot API. The friendly calls (<c>SendMessage</c>, <c>GetUpdates</c>…) are extension
/// methods in <see cref="TelegramBotClientExtensions"/>, so a fake needs only this method.
/// </summary>
public interface ITelegramBotClient
{
    /// <exception cref="ApiRequestException">Telegram answered <c>ok:false</c>.</exception>
    /// <exception cref="RequestException">Telegram could not be reached, timed out, or answered with something that is not a Bot API response.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    Task<TResponse> SendRequest<TResponse>(IRequest<TResponse> request, CancellationToken cancellationToken = default);
}
