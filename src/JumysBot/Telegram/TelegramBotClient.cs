using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using JumysBot.Telegram.Requests;
using Microsoft.Extensions.Options;

namespace JumysBot.Telegram;

/// <summary>
/// Posts each request to <c>{ApiBaseUrl}/bot{token}/{method}</c> and unwraps the answer.
/// The token is part of every request path, so it must never reach a log line or an exception message.
/// </summary>
public sealed class TelegramBotClient : ITelegramBotClient
{
    private readonly HttpClient _httpClient;
    private readonly string _botUrl;

    public TelegramBotClient(HttpClient httpClient, IOptions<TelegramOptions> options)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(options);
        var settings = options.Value;
        if (string.IsNullOrWhiteSpace(settings.BotToken))
        {
            throw new ArgumentException("Telegram:BotToken is not configured.", nameof(options));
        }

        if (settings.ApiBaseUrl is not { IsAbsoluteUri: true })
        {
            throw new ArgumentException("Telegram:ApiBaseUrl must be an absolute URL.", nameof(options));
        }

        _httpClient = httpClient;
        _botUrl = $"{settings.ApiBaseUrl.AbsoluteUri.TrimEnd('/')}/bot{settings.BotToken}/";
    }

    public async Task<TResponse> SendRequest<TResponse>(IRequest<TResponse> request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var method = request.MethodName;
        var responseType = ResponseTypeInfo<TResponse>();

        using var httpRequest = new HttpRequestMessage(HttpMethod.Post, new Uri(_botUrl + method))
        {
            Content = request.ToHttpContent(),
        };
        using var httpResponse = await Send(httpRequest, method, cancellationToken);

        ApiResponse<TResponse>? answer;
        try
        {
            answer = await httpResponse.Content.ReadFromJsonAsync(responseType, cancellationToken);
        }
        catch (JsonException e)
        {
            throw new RequestException(
                $"Telegram answered {method} with HTTP {(int)httpResponse.StatusCode} and a body that is not a Bot API response.",
                httpResponse.StatusCode,
                e);
        }

        if (answer is null)
        {
            throw new RequestException($"Telegram answered {method} with an empty body.", httpResponse.StatusCode);
        }

        if (!answer.Ok)
        {
            throw new ApiRequestException(
                answer.Description ?? $"Telegram refused {method}.",
                answer.ErrorCode ?? (int)httpResponse.StatusCode,
                answer.Parameters,
                httpResponse.StatusCode);
        }

        return answer.Result ?? throw new RequestException($"Telegram answered {method} with ok but no result.", httpResponse.StatusCode);
    }

    private async Task<HttpResponseMessage> Send(HttpRequestMessage httpRequest, string method, CancellationToken cancellationToken)
    {
        try
        {
            // The default completion option reads the whole body here, so a connection dropped mid-body fails here too.
            return await _httpClient.SendAsync(httpRequest, cancellationToken);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new RequestException($"Telegram did not answer {method} in time.", e);
        }
        catch (HttpRequestException e)
        {
            // HttpRequestException names the host and port at most, never the path that holds the token.
            throw new RequestException($"Telegram could not be reached for {method}: {e.HttpRequestError}.", e.StatusCode, e);
        }
    }

    private static JsonTypeInfo<ApiResponse<TResponse>> ResponseTypeInfo<TResponse>() =>
        TelegramJsonContext.Default.GetTypeInfo(typeof(ApiResponse<TResponse>)) as JsonTypeInfo<ApiResponse<TResponse>>
        ?? throw new NotSupportedException(
            $"ApiResponse<{typeof(TResponse).Name}> is not registered in {nameof(TelegramJsonContext)}.");
}
