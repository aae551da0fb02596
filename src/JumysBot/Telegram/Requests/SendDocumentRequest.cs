using System.Globalization;
using JumysBot.Telegram.Types;

namespace JumysBot.Telegram.Requests;

/// <summary>Uploads a file; sent as multipart/form-data, not JSON.</summary>
public sealed record SendDocumentRequest() : RequestBase<Message>("sendDocument")
{
    public required long ChatId { get; init; }

    public required InputFileStream Document { get; init; }

    /// <summary>0–1024 characters.</summary>
    public string? Caption { get; init; }

    public override HttpContent ToHttpContent()
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent(ChatId.ToString(CultureInfo.InvariantCulture)), "chat_id" },
        };
        if (Caption is not null)
        {
            form.Add(new StringContent(Caption), "caption");
        }

        form.Add(new StreamContent(Document.Content), "document", Document.FileName);
        return form;
    }
}
