using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace JumysBot.Telegram.Requests;

/// <summary>A request sent as its own JSON body, through <see cref="TelegramJsonContext"/>.</summary>
public abstract record RequestBase<TResponse> : IRequest<TResponse>
{
    protected RequestBase(string methodName) => MethodName = methodName;

    [JsonIgnore]
    public string MethodName { get; }

    public virtual HttpContent ToHttpContent()
    {
        var typeInfo = TelegramJsonContext.Compact.GetTypeInfo(GetType())
            ?? throw new NotSupportedException($"{GetType().Name} is not registered in {nameof(TelegramJsonContext)}.");
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(this, typeInfo));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return content;
    }
}
