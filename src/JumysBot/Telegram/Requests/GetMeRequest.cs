using JumysBot.Telegram.Types;

namespace JumysBot.Telegram.Requests;

public sealed record GetMeRequest() : RequestBase<User>("getMe");
