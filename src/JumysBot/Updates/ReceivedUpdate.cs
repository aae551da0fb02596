using Telegram.Bot.Types;

namespace JumysBot.Updates;

/// <summary>
/// One update as Telegram sent it: its id, its kind (the name of its one field besides <c>update_id</c>), the JSON
/// exactly as it came, and the update read from it, or null when it could not be read and is set aside.
/// </summary>
public sealed record ReceivedUpdate(long Id, string Kind, string Json, Update? Update)
{
    public bool IsReadable => Update is not null;
}
