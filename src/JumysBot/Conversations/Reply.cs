using JumysBot.Localization;

namespace JumysBot.Conversations;

/// <summary>Collects what one turn sends to a person, in their language.</summary>
internal sealed class Reply(long chatId, Language language, TextCatalog texts)
{
    private readonly List<OutgoingMessage> _messages = [];

    public Language Language { get; private set; } = language;

    /// <summary>After the person picks a language, everything that follows in this turn is in it.</summary>
    public void SwitchLanguage(Language language) => Language = language;

    public IReadOnlyList<OutgoingMessage> Messages => _messages;

    public string Text(string key, params ReadOnlySpan<(string Name, object? Value)> arguments) =>
        texts.Get(Language, key, arguments);

    public Reply Say(string key, params ReadOnlySpan<(string Name, object? Value)> arguments) =>
        SayText(texts.Get(Language, key, arguments));

    public Reply SayText(string text, IReadOnlyList<Choice>? choices = null)
    {
        _messages.Add(new OutgoingMessage
        {
            ChatId = chatId,
            Text = text,
            Buttons = choices is null or { Count: 0 } ? null : [.. choices.Select(c => (IReadOnlyList<Choice>)[c])],
        });
        return this;
    }

    /// <summary>Shows a question with its buttons, one button a row so long Kazakh labels stay whole on a phone.</summary>
    public Reply Ask(string key, IReadOnlyList<Choice> choices) => SayText(texts.Get(Language, key), choices);
}
