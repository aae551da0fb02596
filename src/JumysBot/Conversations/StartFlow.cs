using JumysBot.Localization;
using JumysBot.Outreach;

namespace JumysBot.Conversations;

/// <summary>The first steps: the greeting, the language, and who the person is.</summary>
public sealed class StartFlow : IChoiceHandler
{
    public const string Kazakh = "l:kk";
    public const string Russian = "l:ru";

    private static readonly (string Id, PersonRole Role, string TextKey)[] _roles =
    [
        ("r:pwd", PersonRole.PersonWithDisability, "role.person_with_disability"),
        ("r:carer", PersonRole.CarerOfChild, "role.carer"),
        ("r:other", PersonRole.Other, "role.other"),
        ("r:none", PersonRole.NotSaid, "role.not_said"),
    ];

    public IReadOnlyList<string> Prefixes { get; } = ["l:", "r:"];

    public static string RoleTextKey(PersonRole role) => _roles.First(r => r.Role == role).TextKey;

    /// <param name="payload">The start link's payload, if the person came through one (a poster, a partner's page).</param>
    public static void Start(ConversationContext context, string payload = "")
    {
        ArgumentNullException.ThrowIfNull(context);
        var link = StartLinkLanding.Recognise(context, payload);
        if (context.Person.Language is null)
        {
            AskLanguage(context, link);
            return;
        }

        context.Say("start.greeting");
        if (link is null || !StartLinkLanding.Land(context, link))
        {
            AskRoleOrMenu(context);
        }
    }

    /// <param name="link">Where a start link leads, once the language is chosen.</param>
    public static void AskLanguage(ConversationContext context, DeepLink? link = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        // Each language is named in itself, so a person finds theirs whatever the bot speaks now.
        context.Ask(Steps.ChooseLanguage, context.Text("language.question"),
        [
            new(Kazakh, context.Content.Texts.Get(Language.Kazakh, "language.name.kk")),
            new(Russian, context.Content.Texts.Get(Language.Russian, "language.name.ru")),
        ], data: link?.Payload);
    }

    private static void AskRoleOrMenu(ConversationContext context)
    {
        if (context.Person.Role is null)
        {
            AskRole(context);
        }
        else
        {
            MenuScreen.Show(context);
        }
    }

    public static void AskRole(ConversationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Ask(Steps.ChooseRole, context.Text("role.question"), [.. _roles.Select(r => new Choice(r.Id, context.Text(r.TextKey)))]);
    }

    public bool OnChoice(ConversationContext context, string choiceId, bool fromCurrentScreen)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (choiceId is Kazakh or Russian)
        {
            // A language button works from any older message too: it is never wrong to switch.
            var link = fromCurrentScreen && DeepLink.TryParse(context.State.Data, out var pending) ? pending : null;
            context.SwitchLanguage(choiceId == Kazakh ? Language.Kazakh : Language.Russian);
            if (link is not null)
            {
                context.Say("start.greeting");
                if (!StartLinkLanding.Land(context, link))
                {
                    AskRoleOrMenu(context);
                }
            }
            else if (context.Person.Role is null)
            {
                context.Say("start.greeting");
                AskRole(context);
            }
            else
            {
                context.Say("language.changed");
                MenuScreen.Show(context);
            }

            return true;
        }

        var role = _roles.FirstOrDefault(r => r.Id == choiceId);
        if (role.Id is null || !fromCurrentScreen)
        {
            return false;
        }

        context.Person = context.Person with
        {
            Role = role.Role,
            // A carer's answer about the group is about the child.
            DisabilityGroup = role.Role == PersonRole.CarerOfChild ? DisabilityGroup.Child : context.Person.DisabilityGroup,
        };
        context.Say("role.thanks");
        MenuScreen.Show(context);
        return true;
    }
}
