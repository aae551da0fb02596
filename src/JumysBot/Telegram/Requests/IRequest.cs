namespace JumysBot.Telegram.Requests;

/// <summary>A Bot API method call whose <c>result</c> is a <typeparamref name="TResponse"/>.</summary>
public interface IRequest<TResponse>
{
    /// <summary>The Bot API method, e.g. <c>sendMessage</c>.</summary>
    string MethodName { get; }

    HttpContent ToHttpContent();
}
