using System.Collections.Frozen;
using JumysBot.Localization;
using JumysBot.Storage;
using Telegram.Bot.Types;

namespace JumysBot.Updates;

/// <summary>
/// Passes an update to the handlers in order until one takes it, then writes what that handler decided: each effect
/// by its feature's applier, then the messages, all in the update's transaction.
/// </summary>
public sealed class HandlerChain
{
    private readonly IUpdateHandler[] _handlers;
    private readonly FrozenDictionary<Type, IEffectApplier> _appliers;
    private readonly ITextSource _texts;

    public HandlerChain(IEnumerable<IUpdateHandler> handlers, IEnumerable<IEffectApplier> appliers, ITextSource texts)
    {
        _texts = texts;
        _handlers = [.. handlers.OrderBy(h => h.Order)];
        var byType = new Dictionary<Type, IEffectApplier>();
        foreach (var applier in appliers)
        {
            if (!byType.TryAdd(applier.EffectType, applier))
            {
                throw new InvalidOperationException($"Two appliers are registered for {applier.EffectType.Name}; an effect has one owner.");
            }
        }

        _appliers = byType.ToFrozenDictionary();
    }

    /// <returns>The context the handlers saw, with what they asked of the store after the commit.</returns>
    public async Task<UpdateContext> RunAsync(StorageTransaction tx, Update update, Incoming? input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tx);
        var language = input is null ? Language.Russian : await AnswerLanguage.OfAsync(tx, input, cancellationToken);
        var context = new UpdateContext(update, input, language, _texts.Texts, tx);
        foreach (var handler in _handlers)
        {
            if (await handler.HandleAsync(context, cancellationToken) is not { } result)
            {
                continue;
            }

            // What the changes say comes first (a request's confirmation before the menu), then the handler's messages;
            // what goes to the person is joined into as few messages as Telegram allows.
            var messages = new List<OutgoingMessage>();
            foreach (var effect in result.Effects)
            {
                messages.AddRange(await ApplierFor(effect.GetType()).ApplyAsync(context, effect, cancellationToken));
            }

            messages.AddRange(result.Messages);
            foreach (var message in input is null ? messages : OneMessagePerStep.Merge(messages, input.ChatId))
            {
                await tx.Outbox.AddAsync(message, cancellationToken);
            }

            break;
        }

        return context;
    }

    /// <summary>Plans every handler's reads for the update (<see cref="IUpdateHandler.PlanReads"/>).</summary>
    public void PlanReads(StorageTransaction tx, Incoming input)
    {
        foreach (var handler in _handlers)
        {
            handler.PlanReads(tx, input);
        }
    }

    private IEffectApplier ApplierFor(Type effectType)
    {
        for (var type = effectType; type is not null; type = type.BaseType)
        {
            if (_appliers.TryGetValue(type, out var applier))
            {
                return applier;
            }
        }

        throw new InvalidOperationException($"No applier is registered for {effectType.Name}: its feature's AddXyz() registers one.");
    }
}
