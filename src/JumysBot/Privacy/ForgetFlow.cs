using JumysBot.Conversations;

namespace JumysBot.Privacy;

/// <summary>/forget and «Удалить мои данные»: asks once to confirm, then the whole profile is erased.</summary>
public sealed class ForgetFlow : IChoiceHandler
{
    public const string AskId = "f:ask";
    private const string YesId = "f:yes";
    private const string NoId = "f:no";

    public IReadOnlyList<string> Prefixes { get; } = ["f:"];

    public static void Ask(ConversationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Ask("forget.confirm", context.Text("forget.question"),
        [
            new(YesId, context.Text("forget.yes")),
            new(NoId, context.Text("forget.no")),
        ]);
    }

    public bool OnChoice(ConversationContext context, string choiceId, bool fromCurrentScreen)
    {
        ArgumentNullException.ThrowIfNull(context);
        switch (choiceId)
        {
            case AskId:
                Ask(context);
                return true;
            case YesId when fromCurrentScreen:
                // Erasing is the store's work, in this update's transaction; the person is told when it is done.
                context.ForgetRequested = true;
                context.Say("forget.done");
                return true;
            case NoId:
                context.Say("forget.kept");
                MenuScreen.Show(context);
                return true;
            default:
                return false;
        }
    }
}
