using System.Text.Json.Serialization;

namespace JumysBot.Telegram.Types;

/// <summary>A keyboard attached to an outgoing message. Serialized as the derived type, with no type discriminator.</summary>
[JsonDerivedType(typeof(InlineKeyboardMarkup))]
[JsonDerivedType(typeof(ReplyKeyboardMarkup))]
[JsonDerivedType(typeof(ReplyKeyboardRemove))]
public abstract record ReplyMarkup;
