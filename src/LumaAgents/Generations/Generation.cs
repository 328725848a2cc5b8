using System.Text.Json;
using System.Text.Json.Serialization;

namespace LumaAgents;

/// <summary>A generation as the API reports it. Values and fields this SDK does not know are kept.</summary>
/// <remarks>
/// Response models have settable properties (requests keep init-only ones): the JSON source generator can only
/// fill init-only properties through its constructor path, which measured about 25 % slower with more allocation.
/// </remarks>
public sealed record Generation
{
    /// <summary>The generation's id (a UUID).</summary>
    public string Id { get => _id ?? string.Empty; set => _id = value; }

    /// <summary>When the generation was created, or null if the server did not say.</summary>
    public DateTimeOffset? CreatedAt { get; set; }

    /// <summary>The model that runs it.</summary>
    public GenerationModel Model { get; set; }

    /// <summary>The kind of generation.</summary>
    public GenerationType Type { get; set; }

    /// <summary>Where it is: queued, processing, completed or failed (or a state this SDK does not know).</summary>
    public GenerationState State { get; set; }

    /// <summary>Why it failed, when <see cref="State"/> is failed.</summary>
    public FailureCode? FailureCode { get; set; }

    /// <summary>A human-readable failure reason, when <see cref="State"/> is failed.</summary>
    public string? FailureReason { get; set; }

    /// <summary>The outputs: empty until completed. Their URLs are presigned and expire after an hour.</summary>
    public IReadOnlyList<GenerationOutput> Output { get => _output ?? []; set => _output = value; }

    // Null-coalescing getters: a response without "id" or "output" still reads as empty, never null.
    private string? _id;
    private IReadOnlyList<GenerationOutput>? _output;

    /// <summary>Fields this SDK does not know yet.</summary>
    /// <remarks>Settable rather than init-only: the source generator cannot bind extension data through a constructor.</remarks>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }

    /// <summary>Whether the generation has finished, successfully or not.</summary>
    [JsonIgnore]
    public bool IsTerminal => State == GenerationState.Completed || State == GenerationState.Failed;

    /// <summary>Whether the generation completed and its outputs are ready.</summary>
    [JsonIgnore]
    public bool IsCompleted => State == GenerationState.Completed;

    /// <summary>Whether the generation failed.</summary>
    [JsonIgnore]
    public bool IsFailed => State == GenerationState.Failed;
}
