using System.Diagnostics;
using System.Text.Json.Serialization;
using LumaAgents.Serialization;

namespace LumaAgents;

/// <summary>
/// Where a generation is in its life. Only <see cref="Completed"/> and <see cref="Failed"/> are terminal; states the SDK does not know (such as <c>pending</c> from a proxy) are treated as still running.
/// </summary>
/// <remarks>
/// An extensible enum: any string converts to it, values this SDK version does not know are kept and sent back
/// unchanged, and <see cref="IsKnown"/> tells the two apart. Comparison is ordinal, as on the wire.
/// </remarks>
[JsonConverter(typeof(ExtensibleEnumConverter<GenerationState>))]
[DebuggerDisplay("{Value,nq}")]
public readonly struct GenerationState : IEquatable<GenerationState>, IExtensibleEnum<GenerationState>
{
    private readonly string? _value;

    /// <summary>Creates a value from its wire string, known or not.</summary>
    /// <param name="value">The wire string, for example <c>queued</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public GenerationState(string value) => _value = value ?? throw new ArgumentNullException(nameof(value));

    /// <summary>Accepted and waiting to run. Wire value <c>queued</c>.</summary>
    public static GenerationState Queued { get; } = new("queued");

    /// <summary>Running. Wire value <c>processing</c>.</summary>
    public static GenerationState Processing { get; } = new("processing");

    /// <summary>Finished; the outputs are ready. Wire value <c>completed</c>.</summary>
    public static GenerationState Completed { get; } = new("completed");

    /// <summary>Finished without outputs; see the failure code and reason. Wire value <c>failed</c>.</summary>
    public static GenerationState Failed { get; } = new("failed");

    /// <summary>Every value this version of the SDK knows.</summary>
    public static IReadOnlyList<GenerationState> KnownValues { get; } = [Queued, Processing, Completed, Failed];

    /// <summary>The wire string.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Whether this version of the SDK knows the value.</summary>
    public bool IsKnown => ExtensibleEnum.IsKnown(this, KnownValues);

    IReadOnlyList<GenerationState> IExtensibleEnum<GenerationState>.KnownValues => KnownValues;

    /// <summary>Converts a wire string.</summary>
    /// <param name="value">The wire string.</param>
    public static implicit operator GenerationState(string value) => new(value);

    /// <summary>Compares two values ordinally.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    public static bool operator ==(GenerationState left, GenerationState right) => left.Equals(right);

    /// <summary>Compares two values ordinally.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    public static bool operator !=(GenerationState left, GenerationState right) => !left.Equals(right);

    /// <inheritdoc/>
    public bool Equals(GenerationState other) => string.Equals(Value, other.Value, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is GenerationState other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

    /// <summary>Returns the wire string.</summary>
    public override string ToString() => Value;

    GenerationState IExtensibleEnum<GenerationState>.FromWire(string value) => new(value);
}
