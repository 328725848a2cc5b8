using System.Text.Json;
using System.Text.Json.Serialization;

namespace LumaAgents;

/// <summary>A generation as the API reports it. Values and fields this SDK does not know are kept.</summary>
public sealed record Generation
{
    /// <summary>The generation's id (a UUID).</summary>
    public string Id { get => _id ?? string.Empty; init => _id = value; }

    /// <summary>When the generation was created, or null if the server did not say.</summary>
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>The model that runs it.</summary>
    public GenerationModel Model { get; init; }

    /// <summary>The kind of generation.</summary>
    public GenerationType Type { get; init; }

    /// <summary>Where it is: queued, processing, completed or failed (or a state this SDK does not know).</summary>
    public GenerationState State { get; init; }

    /// <summary>Why it failed, when <see cref="State"/> is failed.</summary>
    public FailureCode? FailureCode { get; init; }

    /// <summary>A human-readable failure reason, when <see cref="State"/> is failed.</summary>
    public string? FailureReason { get; init; }

    /// <summary>The outputs: empty until completed. Their URLs are presigned and expire after an hour.</summary>
    public IReadOnlyList<GenerationOutput> Output { get => _output ?? []; init => _output = value; }

    // Backing fields with null-coalescing getters: the source generator assigns every init-only member, so a
    // missing "id" or "output" would otherwise arrive as null despite an initializer.
    private readonly string? _id;
    private readonly IReadOnlyList<GenerationOutput>? _output;

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
