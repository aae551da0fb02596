using JumysBot.Catalog;
using JumysBot.Content;
using JumysBot.Localization;
using JumysBot.Updates;

namespace JumysBot.Conversations;

/// <summary>
/// One turn of the conversation: what the person did, who they are, where they stand, and what the bot says back,
/// always in the person's language.
/// </summary>
public sealed class ConversationContext
{
    private readonly List<OutgoingMessage> _messages = [];
    private readonly List<IEffect> _effects = [];
    private readonly ConversationState _initialState;

    public ConversationContext(Incoming input, Person person, ConversationState state, BotContent content, Money money, Language? language = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(person);
        Input = input;
        Person = person;
        State = state;
        _initialState = state;
        Content = content;
        Money = money;
        Language = language ?? person.Language ?? Language.Russian;
    }

    public Incoming Input { get; }

    public Person Person { get; set; }

    public ConversationState State { get; private set; }

    public Language Language { get; private set; }

    public BotContent Content { get; }

    public Money Money { get; }

    /// <summary>The time of this turn, unix milliseconds.</summary>
    public long Now { get; init; }

    public IReadOnlyList<OutgoingMessage> Messages => _messages;

    /// <summary>What this turn changes beyond the conversation: a new request, a rating, an erasure, …, in the order asked.</summary>
    public IReadOnlyList<IEffect> Effects => _effects;

    /// <summary>Asks for a change that a feature's applier writes in this update's transaction, before the messages.</summary>
    public void Emit(IEffect effect)
    {
        ArgumentNullException.ThrowIfNull(effect);
        _effects.Add(effect);
    }

    /// <summary>What reads start links (Outreach's); null when no feature does.</summary>
    public IStartLinks? StartLinks { get; init; }

    /// <summary>The person's slash commands, in the order /help lists them.</summary>
    public IReadOnlyList<IConversationCommand> Commands { get; init; } = [];

    /// <summary>The main menu's buttons, in order.</summary>
    public IReadOnlyList<MenuEntry> Menu { get; init; } = [];

    /// <summary>The campaign tags an administrator created (<c>Bot:Campaigns</c>); any other tag counts as «other».</summary>
    public IReadOnlySet<string> Campaigns { get; init; } = new HashSet<string>();

    /// <summary>
    /// Called once the turn is decided: when the person leaves a question that used a reply keyboard (share my number,
    /// share my location), that keyboard is taken away with the first message that has no buttons of its own. The
    /// handler chain then joins what the turn says into as few messages as Telegram allows (<see cref="OneMessagePerStep"/>).
    /// </summary>
    public void Finish()
    {
        var hadReplyKeyboard = _initialState.Choices.Any(c => c.Request != ChoiceRequest.None);
        var hasReplyKeyboard = State.Choices.Any(c => c.Request != ChoiceRequest.None);
        if (!hadReplyKeyboard || hasReplyKeyboard || _messages.Count == 0)
        {
            return;
        }

        var plain = _messages.FindIndex(m => m.Buttons is null);
        if (plain >= 0)
        {
            _messages[plain] = _messages[plain] with { RemoveKeyboard = true };
        }
        else
        {
            _messages.Insert(0, new OutgoingMessage { ChatId = Input.ChatId, Text = Text("input.received"), RemoveKeyboard = true });
        }
    }

    /// <summary>From now on the person reads this language, starting with the rest of this turn.</summary>
    public void SwitchLanguage(Language language)
    {
        Language = language;
        Person = Person with { Language = language };
    }

    public string Text(string key, params ReadOnlySpan<(string Name, object? Value)> arguments) =>
        Content.Texts.Get(Language, key, arguments);

    /// <summary>A content text in the person's language, with MRP amounts shown in tenge.</summary>
    public string Text(LocalizedText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Money.Fill(text.In(Language), Language, Content.Texts);
    }

    public void Say(string key, params ReadOnlySpan<(string Name, object? Value)> arguments) => SayText(Text(key, arguments));

    /// <summary>Adds a map pin to the last message said.</summary>
    public void Pin(Venue venue) => _messages[^1] = _messages[^1] with { Venue = venue };

    public void SayText(string text, bool html = false) =>
        _messages.Add(new OutgoingMessage { ChatId = Input.ChatId, Text = text, Html = html });

    /// <summary>
    /// Asks a question with buttons, one a row so long Kazakh labels stay whole, and makes it the current step.
    /// <paramref name="body"/>, when given, is sent instead of the prompt (a measure card); the prompt is what a
    /// repeated question says.
    /// </summary>
    public void Ask(string step, string prompt, IReadOnlyList<Choice> choices, string? data = null, string? body = null, bool html = false)
    {
        ArgumentNullException.ThrowIfNull(choices);
        _messages.Add(new OutgoingMessage
        {
            ChatId = Input.ChatId,
            Text = body ?? (html ? Escape(prompt) : prompt),
            Html = html,
            Buttons = [.. choices.Select(c => (IReadOnlyList<Choice>)[c])],
        });
        State = new ConversationState(step, data) { Choices = choices, Prompt = prompt };
    }

    /// <summary>Asks the current question again, as it was; true when there was one to ask.</summary>
    public bool AskAgain()
    {
        if (State.Prompt is null || State.Choices.Count == 0)
        {
            return false;
        }

        Ask(State.Step, State.Prompt, State.Choices, State.Data);
        return true;
    }

    /// <inheritdoc cref="TelegramHtml.Escape"/>
    public static string Escape(string text) => TelegramHtml.Escape(text);
}
