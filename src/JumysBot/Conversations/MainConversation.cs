using JumysBot.Localization;

namespace JumysBot.Conversations;

/// <summary>
/// The first conversation: greeting, language, who the person is, and the main menu.
/// Every choice works as a button and as typed words or a number; anything else gets help, never silence.
/// </summary>
public sealed class MainConversation(TextCatalog texts) : IConversationHandler
{
    public ValueTask<Turn> HandleAsync(Incoming input, Person person, ConversationState state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(state);

        if (!input.IsPrivateChat)
        {
            // Group chats are for consultants; the person-facing conversation never runs there.
            return ValueTask.FromResult(new Turn(person, state, []));
        }

        var knownLanguage = person.Language ?? LanguageCodes.FromTelegram(input.LanguageCode);
        person = person with { Language = knownLanguage };
        var reply = new Reply(input.ChatId, knownLanguage ?? Language.Russian, texts);
        var next = Handle(input, person, state, knownLanguage, reply);
        return ValueTask.FromResult(next with { Messages = reply.Messages });
    }

    private Turn Handle(Incoming input, Person person, ConversationState state, Language? knownLanguage, Reply reply)
    {
        var command = Command(input.Text);
        switch (command)
        {
            case BotCommandKind.Start:
                return Start(person, knownLanguage, reply);
            case BotCommandKind.Help:
                reply.Say("help.text");
                return ShowStep(person, state, reply);
            case BotCommandKind.Language:
                return AskLanguage(person, reply);
            case BotCommandKind.Cancel:
                reply.Say("cancel.done");
                return ShowMenu(person, reply);
            case BotCommandKind.Menu:
                return ShowMenu(person, reply);
            case BotCommandKind.MyData:
                return ShowMyData(person, reply);
            case BotCommandKind.Unknown:
                reply.Say("command.unknown");
                return ShowStep(person, state, reply);
        }

        if (state.Step == Steps.New)
        {
            return Start(person, knownLanguage, reply);
        }

        var choices = ChoicesFor(state.Step, reply.Language);
        Choice? choice;
        if (input.ButtonId is not null)
        {
            choice = choices.FirstOrDefault(c => c.Id == input.ButtonId);
            if (choice is null)
            {
                reply.Say("input.stale_button");
                return ShowStep(person, state, reply);
            }
        }
        else if (input.Text is not null)
        {
            choice = ChoiceMatcher.Match(input.Text, choices);
            if (choice is null)
            {
                reply.Say("input.not_understood");
                return ShowStep(person, state, reply);
            }
        }
        else
        {
            reply.Say("input.unreadable");
            return ShowStep(person, state, reply);
        }

        return Choose(person, state, choice, reply);
    }

    private Turn Start(Person person, Language? knownLanguage, Reply reply)
    {
        if (knownLanguage is null)
        {
            return AskLanguage(person, reply);
        }

        reply.Say("start.greeting");
        return person.Role is null ? AskRole(person, reply) : ShowMenu(person, reply);
    }

    private Turn Choose(Person person, ConversationState state, Choice choice, Reply reply)
    {
        switch (state.Step)
        {
            case Steps.ChooseLanguage:
                var language = choice.Id == ChoiceIds.Kazakh ? Language.Kazakh : Language.Russian;
                person = person with { Language = language };
                reply.SwitchLanguage(language);
                if (person.Role is null)
                {
                    reply.Say("start.greeting");
                    return AskRole(person, reply);
                }

                reply.Say("language.changed");
                return ShowMenu(person, reply);

            case Steps.ChooseRole:
                person = person with { Role = ChoiceIds.Roles[choice.Id] };
                reply.Say("role.thanks");
                return ShowMenu(person, reply);

            default:
                return ChooseFromMenu(person, choice, reply);
        }
    }

    private Turn ChooseFromMenu(Person person, Choice choice, Reply reply)
    {
        switch (choice.Id)
        {
            case ChoiceIds.MenuMyData:
                return ShowMyData(person, reply);
            case ChoiceIds.MenuLanguage:
                return AskLanguage(person, reply);
            default:
                reply.Say("menu.coming_soon", ("section", choice.Label));
                return ShowMenu(person, reply);
        }
    }

    private Turn ShowStep(Person person, ConversationState state, Reply reply) => state.Step switch
    {
        Steps.ChooseLanguage => AskLanguage(person, reply),
        Steps.ChooseRole => AskRole(person, reply),
        Steps.Menu => ShowMenu(person, reply),
        _ => Start(person, person.Language, reply),
    };

    private Turn AskLanguage(Person person, Reply reply)
    {
        reply.Ask("language.question", ChoicesFor(Steps.ChooseLanguage, reply.Language));
        return new Turn(person, new ConversationState(Steps.ChooseLanguage), []);
    }

    private Turn AskRole(Person person, Reply reply)
    {
        reply.Ask("role.question", ChoicesFor(Steps.ChooseRole, reply.Language));
        return new Turn(person, new ConversationState(Steps.ChooseRole), []);
    }

    private Turn ShowMenu(Person person, Reply reply)
    {
        reply.Ask("menu.title", ChoicesFor(Steps.Menu, reply.Language));
        return new Turn(person, new ConversationState(Steps.Menu), []);
    }

    private Turn ShowMyData(Person person, Reply reply)
    {
        var role = person.Role is { } r ? reply.Text(ChoiceIds.RoleTextKey(r)) : reply.Text("mydata.none");
        reply.Say("mydata.summary", ("language", reply.Text("language.name." + reply.Language.ToCode())), ("role", role));
        return ShowMenu(person, reply);
    }

    private IReadOnlyList<Choice> ChoicesFor(string step, Language language) => step switch
    {
        // Each language is named in itself, so a person finds theirs whatever the bot speaks now.
        Steps.ChooseLanguage =>
        [
            new(ChoiceIds.Kazakh, texts.Get(Language.Kazakh, "language.name.kk")),
            new(ChoiceIds.Russian, texts.Get(Language.Russian, "language.name.ru")),
        ],
        Steps.ChooseRole => [.. ChoiceIds.Roles.Select(r => new Choice(r.Key, texts.Get(language, ChoiceIds.RoleTextKey(r.Value))))],
        Steps.Menu => [.. ChoiceIds.Menu.Select(id => new Choice(id, texts.Get(language, "menu." + id[2..])))],
        _ => [],
    };

    private BotCommandKind Command(string? text)
    {
        var parsed = ParsedCommand.Parse(text);
        if (parsed.Kind != BotCommandKind.None || string.IsNullOrWhiteSpace(text) || text.Length > 40)
        {
            return parsed.Kind;
        }

        var typed = ChoiceMatcher.Normalize(text);
        return Matches("words.menu") ? BotCommandKind.Menu
            : Matches("words.help") ? BotCommandKind.Help
            : Matches("words.cancel") ? BotCommandKind.Cancel
            : Matches("words.language") ? BotCommandKind.Language
            : BotCommandKind.None;

        bool Matches(string key) => texts.Words(key).Any(w => ChoiceMatcher.Normalize(w) == typed);
    }
}
