using JumysBot.Catalog;
using JumysBot.Content;
using JumysBot.Updates;

namespace JumysBot.Conversations;

/// <summary>
/// Decides what each input means: a command, a button (pressed, or typed as its number or words), an answer to the
/// current question, or a search. Buttons go to the part of the bot that owns their prefix. Anything else gets
/// help and the question again, never silence.
/// </summary>
public sealed class ConversationRouter(
    ContentStore content,
    Money money,
    TimeProvider time,
    IEnumerable<IChoiceHandler> handlers,
    IEnumerable<IStepOwner> stepOwners,
    IEnumerable<IConversationCommand> commands,
    IEnumerable<MenuEntry> menu,
    IEnumerable<IStartLinks> startLinks,
    Microsoft.Extensions.Options.IOptions<Hosting.BotOptions> options) : IConversationHandler
{
    private readonly IConversationCommand[] _commands = [.. commands.OrderBy(c => c.Order)];
    private readonly MenuEntry[] _menu = [.. menu.OrderBy(e => e.Order)];
    private readonly IStartLinks? _startLinks = startLinks.SingleOrDefault();
    private readonly IReadOnlySet<string> _campaigns = options.Value.Campaigns.ToHashSet(StringComparer.Ordinal);
    private readonly IChoiceHandler[] _handlers = [.. handlers];
    private readonly IStepOwner[] _stepOwners = [.. stepOwners];

    public ValueTask<Turn> HandleAsync(Incoming input, Person person, ConversationState state, Localization.Language language, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(person);
        if (!input.IsPrivateChat)
        {
            // Group chats are for consultants; the person-facing conversation never runs there.
            return ValueTask.FromResult(new Turn(person, state, []));
        }

        var known = person.Language ?? Localization.LanguageCodes.FromTelegram(input.LanguageCode);
        var context = new ConversationContext(input, person with { Language = known }, state, content.Current, money, language)
        {
            Now = time.GetUtcNow().ToUnixTimeMilliseconds(),
            Campaigns = _campaigns,
            Commands = _commands,
            Menu = _menu,
            StartLinks = _startLinks,
        };
        Route(context);
        context.Finish();
        return ValueTask.FromResult(new Turn(context.Person, context.State, context.Messages) { Effects = context.Effects });
    }

    private void Route(ConversationContext context)
    {
        var input = context.Input;
        if (RunCommand(context))
        {
            return;
        }

        if (input.ButtonId is { } followUp && _handlers.OfType<IAnytimeChoiceHandler>().FirstOrDefault(h => h.Prefixes.Any(p => followUp.StartsWith(p, StringComparison.Ordinal))) is { } anytime)
        {
            // A follow-up's button works from any step; the step the person is at is left for them to come back to.
            if (!anytime.OnChoice(context, followUp, context.State.Choices.Any(c => c.Id == followUp)))
            {
                context.Say("input.stale_button");
                MenuScreen.AskAgainOrShow(context);
            }

            return;
        }

        if (context.State.Step == Steps.New)
        {
            StartFlow.Start(context);
            return;
        }

        if (_stepOwners.FirstOrDefault(o => o.Owns(context.State.Step)) is { } owner)
        {
            owner.Handle(context);
            return;
        }

        if (input.ButtonId is { } pressed)
        {
            var onScreen = context.State.Choices.Any(c => c.Id == pressed);
            if (!Dispatch(context, pressed, onScreen))
            {
                context.Say("input.stale_button");
                MenuScreen.AskAgainOrShow(context);
            }

            return;
        }

        if (input.Text is { } typed)
        {
            if (ChoiceMatcher.Match(typed, context.State.Choices) is { } choice)
            {
                if (choice.Url is { } url)
                {
                    context.SayText($"{choice.Label}: {url}");
                    MenuScreen.AskAgainOrShow(context);
                }
                else
                {
                    Dispatch(context, choice.Id, fromCurrentScreen: true);
                }
            }
            else if (!_handlers.OfType<ITypedTextHandler>().Any(h => h.OnText(context, typed)))
            {
                context.Say("input.not_understood");
                MenuScreen.AskAgainOrShow(context);
            }

            return;
        }

        context.Say(input.VoiceFileId is not null ? "input.voice_not_here" : input.Contact is not null || input.Location is not null ? "input.not_expected" : "input.unreadable");
        MenuScreen.AskAgainOrShow(context);
    }

    private bool RunCommand(ConversationContext context)
    {
        var (name, argument) = Command(context);
        if (name is null)
        {
            return false;
        }

        if (_commands.FirstOrDefault(c => c.Name == name || c.Aliases.Contains(name)) is { } command)
        {
            command.Run(context, argument);
        }
        else
        {
            context.Say("command.unknown");
            MenuScreen.AskAgainOrShow(context);
        }

        return true;
    }

    private bool Dispatch(ConversationContext context, string choiceId, bool fromCurrentScreen)
    {
        if (choiceId == MenuScreen.Home)
        {
            MenuScreen.Show(context);
            return true;
        }

        var handler = _handlers.FirstOrDefault(h => h.Prefixes.Any(p => choiceId.StartsWith(p, StringComparison.Ordinal)));
        return handler?.OnChoice(context, choiceId, fromCurrentScreen) ?? false;
    }

    /// <summary>A slash command, or one of the words that work as the core commands («меню», «көмек», «отмена», «тіл»).</summary>
    private static ParsedCommand Command(ConversationContext context)
    {
        var text = context.Input.Text;
        var parsed = ParsedCommand.Parse(text);
        if (parsed.Name is not null || string.IsNullOrWhiteSpace(text) || text.Length > 40)
        {
            return parsed;
        }

        var typed = ChoiceMatcher.Normalize(text);
        var texts = context.Content.Texts;
        var name = Matches("words.menu") ? CoreCommands.Menu
            : Matches("words.help") ? CoreCommands.Help
            : Matches("words.cancel") ? CoreCommands.Cancel
            : Matches("words.language") ? CoreCommands.Language
            : null;
        return new ParsedCommand(name, "");

        bool Matches(string key) => texts.Words(key).Any(w => ChoiceMatcher.Normalize(w) == typed);
    }
}
