using System.Diagnostics;
using System.Text.Json.Serialization;
using LumaAgents.Serialization;

namespace LumaAgents;

/// <summary>
/// How closely a video edit follows the source's poses.
/// </summary>
/// <remarks>
/// An extensible enum: any string converts to it, values this SDK version does not know are kept and sent back
/// unchanged, and <see cref="IsKnown"/> tells the two apart. Comparison is ordinal, as on the wire.
/// </remarks>
[JsonConverter(typeof(ExtensibleEnumConverter<PoseControlStrength>))]
[DebuggerDisplay("{Value,nq}")]
public readonly struct PoseControlStrength : IEquatable<PoseControlStrength>, IExtensibleEnum<PoseControlStrength>
{
    private readonly string? _value;

    /// <summary>Creates a value from its wire string, known or not.</summary>
    /// <param name="value">The wire string, for example <c>precise</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public PoseControlStrength(string value) => _value = value ?? throw new ArgumentNullException(nameof(value));

    /// <summary>Follow poses precisely. Wire value <c>precise</c>.</summary>
    public static PoseControlStrength Precise { get; } = new("precise");

    /// <summary>Follow poses loosely. Wire value <c>coarse</c>.</summary>
    public static PoseControlStrength Coarse { get; } = new("coarse");

    /// <summary>Every value this version of the SDK knows.</summary>
    public static IReadOnlyList<PoseControlStrength> KnownValues { get; } = [Precise, Coarse];

    /// <summary>The wire string.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Whether this version of the SDK knows the value.</summary>
    public bool IsKnown => ExtensibleEnum.IsKnown(this, KnownValues);

    IReadOnlyList<PoseControlStrength> IExtensibleEnum<PoseControlStrength>.KnownValues => KnownValues;

    /// <summary>Converts a wire string.</summary>
    /// <param name="value">The wire string.</param>
    public static implicit operator PoseControlStrength(string value) => new(value);

    /// <summary>Compares two values ordinally.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    public static bool operator ==(PoseControlStrength left, PoseControlStrength right) => left.Equals(right);

    /// <summary>Compares two values ordinally.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    public static bool operator !=(PoseControlStrength left, PoseControlStrength right) => !left.Equals(right);

    /// <inheritdoc/>
    public bool Equals(PoseControlStrength other) => string.Equals(Value, other.Value, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is PoseControlStrength other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

    /// <summary>Returns the wire string.</summary>
    public override string ToString() => Value;

    PoseControlStrength IExtensibleEnum<PoseControlStrength>.FromWire(string value) => new(value);
}
