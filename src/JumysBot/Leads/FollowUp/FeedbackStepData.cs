using System.Text.Json;
using System.Text.Json.Serialization;
using JumysBot.Conversations;
using JumysBot.Updates;

namespace JumysBot.Leads.FollowUp;

/// <summary>
/// What a follow-up step that takes free text keeps with the conversation: the request it is about, and the question
/// the person was answering when the follow-up came, to go back to it afterwards.
/// </summary>
public sealed record FeedbackStepData(long Lead, ResumePoint? Resume)
{
    public string ToJson() => JsonSerializer.Serialize(this, FeedbackJsonContext.Default.FeedbackStepData);

    public static FeedbackStepData? TryRead(string? json)
    {
        if (json is null)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(json, FeedbackJsonContext.Default.FeedbackStepData);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <summary>A question the person left for a moment: asked again, as it was, once the follow-up is over.</summary>
public sealed record ResumePoint(string Step, string? Data, string Prompt, IReadOnlyList<Choice> Choices)
{
    public static ResumePoint? Of(ConversationState state) =>
        state is { Prompt: { } prompt, Choices.Count: > 0 } ? new ResumePoint(state.Step, state.Data, prompt, state.Choices) : null;
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, UseStringEnumConverter = true)]
[JsonSerializable(typeof(FeedbackStepData))]
internal sealed partial class FeedbackJsonContext : JsonSerializerContext;
