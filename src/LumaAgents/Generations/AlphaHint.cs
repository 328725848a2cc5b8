using System.Diagnostics;
using System.Text.Json.Serialization;
using LumaAgents.Serialization;

namespace LumaAgents;

/// <summary>
/// How a layer's alpha channel is meant to be used (<c>layer.alpha_hint</c> of a layering output).
/// </summary>
/// <remarks>
/// An extensible enum: any string converts to it, values this SDK version does not know are kept and sent back
/// unchanged, and <see cref="IsKnown"/> tells the two apart. Comparison is ordinal, as on the wire.
/// </remarks>
[JsonConverter(typeof(ExtensibleEnumConverter<AlphaHint>))]
[DebuggerDisplay("{Value,nq}")]
public readonly struct AlphaHint : IEquatable<AlphaHint>, IExtensibleEnum<AlphaHint>
{
    private readonly string? _value;

    /// <summary>Creates a value from its wire string, known or not.</summary>
    /// <param name="value">The wire string, for example <c>soft</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public AlphaHint(string value) => _value = value ?? throw new ArgumentNullException(nameof(value));

    /// <summary>Soft edges: blend the layer with its alpha as it is (hair, smoke, glass). Wire value <c>soft</c>.</summary>
    public static AlphaHint Soft { get; } = new("soft");

    /// <summary>Hard edges: the alpha is a cut-out mask. Wire value <c>hard</c>.</summary>
    public static AlphaHint Hard { get; } = new("hard");

    /// <summary>No transparency: the layer is opaque (a background). Wire value <c>none</c>.</summary>
    public static AlphaHint None { get; } = new("none");

    /// <summary>Every value this version of the SDK knows.</summary>
    public static IReadOnlyList<AlphaHint> KnownValues { get; } = [Soft, Hard, None];

    /// <summary>The wire string.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Whether this version of the SDK knows the value.</summary>
    public bool IsKnown => ExtensibleEnum.IsKnown(this, KnownValues);

    IReadOnlyList<AlphaHint> IExtensibleEnum<AlphaHint>.KnownValues => KnownValues;

    /// <summary>Converts a wire string.</summary>
    /// <param name="value">The wire string.</param>
    public static implicit operator AlphaHint(string value) => new(value);

    /// <summary>Compares two values ordinally.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    public static bool operator ==(AlphaHint left, AlphaHint right) => left.Equals(right);

    /// <summary>Compares two values ordinally.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    public static bool operator !=(AlphaHint left, AlphaHint right) => !left.Equals(right);

    /// <inheritdoc/>
    public bool Equals(AlphaHint other) => string.Equals(Value, other.Value, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is AlphaHint other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

    /// <summary>Returns the wire string.</summary>
    public override string ToString() => Value;

    AlphaHint IExtensibleEnum<AlphaHint>.FromWire(string value) => new(value);
}
