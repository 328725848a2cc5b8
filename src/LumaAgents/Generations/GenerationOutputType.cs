using System.Diagnostics;
using System.Text.Json.Serialization;
using LumaAgents.Serialization;

namespace LumaAgents;

/// <summary>
/// The kind of a generation output.
/// </summary>
/// <remarks>
/// An extensible enum: any string converts to it, values this SDK version does not know are kept and sent back
/// unchanged, and <see cref="IsKnown"/> tells the two apart. Comparison is ordinal, as on the wire.
/// </remarks>
[JsonConverter(typeof(ExtensibleEnumConverter<GenerationOutputType>))]
[DebuggerDisplay("{Value,nq}")]
public readonly struct GenerationOutputType : IEquatable<GenerationOutputType>, IExtensibleEnum<GenerationOutputType>
{
    private readonly string? _value;

    /// <summary>Creates a value from its wire string, known or not.</summary>
    /// <param name="value">The wire string, for example <c>image</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public GenerationOutputType(string value) => _value = value ?? throw new ArgumentNullException(nameof(value));

    /// <summary>An image file. Wire value <c>image</c>.</summary>
    public static GenerationOutputType Image { get; } = new("image");

    /// <summary>A video file. Wire value <c>video</c>.</summary>
    public static GenerationOutputType Video { get; } = new("video");

    /// <summary>Every value this version of the SDK knows.</summary>
    public static IReadOnlyList<GenerationOutputType> KnownValues { get; } = [Image, Video];

    /// <summary>The wire string.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Whether this version of the SDK knows the value.</summary>
    public bool IsKnown => ExtensibleEnum.IsKnown(this, KnownValues);

    IReadOnlyList<GenerationOutputType> IExtensibleEnum<GenerationOutputType>.KnownValues => KnownValues;

    /// <summary>Converts a wire string.</summary>
    /// <param name="value">The wire string.</param>
    public static implicit operator GenerationOutputType(string value) => new(value);

    /// <summary>Compares two values ordinally.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    public static bool operator ==(GenerationOutputType left, GenerationOutputType right) => left.Equals(right);

    /// <summary>Compares two values ordinally.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    public static bool operator !=(GenerationOutputType left, GenerationOutputType right) => !left.Equals(right);

    /// <inheritdoc/>
    public bool Equals(GenerationOutputType other) => string.Equals(Value, other.Value, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is GenerationOutputType other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

    /// <summary>Returns the wire string.</summary>
    public override string ToString() => Value;

    GenerationOutputType IExtensibleEnum<GenerationOutputType>.FromWire(string value) => new(value);
}
