using System.Diagnostics;
using System.Text.Json.Serialization;
using LumaAgents.Serialization;

namespace LumaAgents;

/// <summary>
/// The resolution of layering outputs.
/// </summary>
/// <remarks>
/// An extensible enum: any string converts to it, values this SDK version does not know are kept and sent back
/// unchanged, and <see cref="IsKnown"/> tells the two apart. Comparison is ordinal, as on the wire.
/// </remarks>
[JsonConverter(typeof(ExtensibleEnumConverter<LayeringResolution>))]
[DebuggerDisplay("{Value,nq}")]
public readonly struct LayeringResolution : IEquatable<LayeringResolution>, IExtensibleEnum<LayeringResolution>
{
    private readonly string? _value;

    /// <summary>Creates a value from its wire string, known or not.</summary>
    /// <param name="value">The wire string, for example <c>1k</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public LayeringResolution(string value) => _value = value ?? throw new ArgumentNullException(nameof(value));

    /// <summary>About 1,000 pixels on the long side. Wire value <c>1k</c>.</summary>
    public static LayeringResolution Resolution1k { get; } = new("1k");

    /// <summary>About 2,000 pixels on the long side. Wire value <c>2k</c>.</summary>
    public static LayeringResolution Resolution2k { get; } = new("2k");

    /// <summary>Every value this version of the SDK knows.</summary>
    public static IReadOnlyList<LayeringResolution> KnownValues { get; } = [Resolution1k, Resolution2k];

    /// <summary>The wire string.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Whether this version of the SDK knows the value.</summary>
    public bool IsKnown => ExtensibleEnum.IsKnown(this, KnownValues);

    IReadOnlyList<LayeringResolution> IExtensibleEnum<LayeringResolution>.KnownValues => KnownValues;

    /// <summary>Converts a wire string.</summary>
    /// <param name="value">The wire string.</param>
    public static implicit operator LayeringResolution(string value) => new(value);

    /// <summary>Compares two values ordinally.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    public static bool operator ==(LayeringResolution left, LayeringResolution right) => left.Equals(right);

    /// <summary>Compares two values ordinally.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    public static bool operator !=(LayeringResolution left, LayeringResolution right) => !left.Equals(right);

    /// <inheritdoc/>
    public bool Equals(LayeringResolution other) => string.Equals(Value, other.Value, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is LayeringResolution other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

    /// <summary>Returns the wire string.</summary>
    public override string ToString() => Value;

    LayeringResolution IExtensibleEnum<LayeringResolution>.FromWire(string value) => new(value);
}
