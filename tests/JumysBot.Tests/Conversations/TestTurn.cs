using JumysBot.Catalog;
using JumysBot.Content;
using JumysBot.Conversations;
using JumysBot.Localization;
using JumysBot.Updates;
using Microsoft.Extensions.Options;

namespace JumysBot.Tests.Conversations;

/// <summary>One turn of a conversation over the shipped content, for driving a single machine: configure, fire, assert.</summary>
internal static class TestTurn
{
    public static Money Money { get; } = new(Options.Create(new MoneyOptions()), TimeProvider.System);

    public static ConversationContext Typed(string text, ConversationState state, Person? person = null) =>
        Context(new Incoming { ChatId = 1, UserId = 1, FirstName = "Айгүл", Text = text }, state, person);

    public static ConversationContext Pressed(string button, ConversationState state, Person? person = null) =>
        Context(new Incoming { ChatId = 1, UserId = 1, FirstName = "Айгүл", ButtonId = button }, state, person);

    public static ConversationContext Context(Incoming input, ConversationState state, Person? person = null) =>
        new(input, person ?? new Person(1) { Language = Language.Russian, Role = PersonRole.Other }, state, TestConversation.Content.Current, Money);

    public static string Text(string key) => TestConversation.Content.Current.Texts.Get(Language.Russian, key);
}
