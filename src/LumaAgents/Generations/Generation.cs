using System.Text.Json;
using System.Text.Json.Serialization;

namespace LumaAgents;

/// <summary>A generation as the API reports it. Values and fields this SDK does not know are kept.</summary>
/// <remarks>
/// <para>
/// Read tolerantly (<see cref="Serialization.LumaJson.DeserializeGeneration"/> and every client call): a member that is
/// missing or JSON <c>null</c> stays unset (<see cref="Model"/>, <see cref="Type"/> and <see cref="State"/> are then
/// their <c>default</c>, whose <c>Value</c> is empty) and is written back absent; a member whose JSON is not what this
/// model expects, or a <c>created_at</c> that is not a readable timestamp, is kept raw in
/// <see cref="AdditionalProperties"/> under its JSON name. Older shapes seen through proxies (<c>assets.video</c>,
/// <c>assets.image</c>, a top-level <c>video</c> or <c>image</c> object) surface as <see cref="Output"/> entries when
/// there is no <c>output</c>; those derived entries are not written back.
/// </para>
/// <para>
/// Response models have settable properties (requests keep init-only ones), so the reader fills them in place.
/// </para>
/// </remarks>
public sealed record Generation
{
    /// <summary>The generation's id (a UUID).</summary>
    public string Id { get => _id ?? string.Empty; set => _id = value; }

    /// <summary>
    /// When the generation was created, or null if the server did not say (or said something that is not a timestamp:
    /// the raw value is then in <see cref="AdditionalProperties"/> under <c>created_at</c>). ISO-8601 with or without
    /// <c>T</c>, fraction or offset is read; a timestamp without an offset is UTC.
    /// </summary>
    public DateTimeOffset? CreatedAt { get; set; }

    /// <summary>The model that runs it; <c>default</c> (an empty <c>Value</c>) when the server did not say.</summary>
    public GenerationModel Model { get; set; }

    /// <summary>The kind of generation; <c>default</c> (an empty <c>Value</c>) when the server did not say.</summary>
    public GenerationType Type { get; set; }

    /// <summary>
    /// Where it is: queued, processing, completed or failed, or a state this SDK does not know (such as a proxy's
    /// <c>pending</c> or <c>dreaming</c>), which counts as still running; <c>default</c> (an empty <c>Value</c>) when the
    /// server did not say.
    /// </summary>
    public GenerationState State { get; set; }

    /// <summary>Why it failed, when <see cref="State"/> is failed.</summary>
    public FailureCode? FailureCode { get; set; }

    /// <summary>A human-readable failure reason, when <see cref="State"/> is failed.</summary>
    public string? FailureReason { get; set; }

    /// <summary>
    /// The outputs: empty until completed. Their URLs are presigned and expire after an hour. Filled from an older
    /// shape (<c>assets</c>, a top-level <c>video</c> or <c>image</c>) when the response has no <c>output</c>.
    /// </summary>
    public IReadOnlyList<GenerationOutput> Output { get => _output ?? []; set => _output = value; }

    // Null-coalescing getters: a response without "id" or "output" still reads as empty, never null, and is written
    // back without them.
    private string? _id;
    private IReadOnlyList<GenerationOutput>? _output;

    // The outputs derived from a legacy shape, so that writing the generation back does not invent an "output".
    private IReadOnlyList<GenerationOutput>? _derivedOutput;

    /// <summary>
    /// Members this SDK does not model, and modelled members whose JSON it could not read, by JSON name. On write an
    /// entry replaces the typed member of the same name.
    /// </summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }

    /// <summary>The id as read: null when the JSON had none.</summary>
    internal string? WireId => _id;

    /// <summary>The outputs to write: null when the JSON had none or they were derived from a legacy shape.</summary>
    internal IReadOnlyList<GenerationOutput>? WireOutput
        => _output is not null && ReferenceEquals(_output, _derivedOutput) ? null : _output;

    /// <summary>Sets outputs derived from a legacy shape (not written back).</summary>
    internal void SetDerivedOutput(IReadOnlyList<GenerationOutput> output)
    {
        _output = output;
        _derivedOutput = output;
    }

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
