using System.Text;
using LumaAgents.Serialization;

namespace LumaAgents.Benchmarks.Wire;

/// <summary>
/// Proof that a client got the right answer, not an error page or an empty body: the first and last response of each
/// kind are compared field by field with the canned body the server was given; every other response is checked for
/// its id, state and output count (cheap, and the same for both clients).
/// </summary>
internal static class ResponseCheck
{
    private static readonly string CompletedJson = LumaJson.Serialize(LumaJson.DeserializeGeneration(Encoding.UTF8.GetString(Payloads.CompletedBody)));
    private static readonly string QueuedJson = LumaJson.Serialize(LumaJson.DeserializeGeneration(Encoding.UTF8.GetString(Payloads.QueuedBody)));

    public static bool IsCompleted(Generation generation)
        => generation.Id == Payloads.GenerationId && generation.State == GenerationState.Completed && generation.Output.Count == 1;

    public static bool IsQueued(Generation generation)
        => generation.Id == Payloads.GenerationId && generation.State == GenerationState.Queued && generation.Output.Count == 0;

    public static void Exactly(Generation generation, bool create)
    {
        var expected = create ? QueuedJson : CompletedJson;
        var actual = LumaJson.Serialize(generation);
        if (actual != expected)
        {
            throw new InvalidOperationException($"Wrong {(create ? "create" : "GET")} response: expected {expected}, got {actual}.");
        }
    }
}
