using System.Diagnostics;
using System.Text.Json.Serialization;
using LumaAgents.Serialization;

namespace LumaAgents;

/// <summary>
/// The file format of an image output.
/// </summary>
/// <remarks>
/// An extensible enum: any string converts to it, values this SDK version does not know are kept and sent back
/// unchanged, and <see cref="IsKnown"/> tells the two apart. Comparison is ordinal, as on the wire.
/// </remarks>
[JsonConverter(typeof(ExtensibleEnumConverter<OutputFormat>))]
[DebuggerDisplay("{Value,nq}")]
public readonly struct OutputFormat : IEquatable<OutputFormat>, IExtensibleEnum<OutputFormat>
{
    private readonly string? _value;

    /// <summary>Creates a value from its wire string, known or not.</summary>
    /// <param name="value">The wire string, for example <c>png</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public OutputFormat(string value) => _value = value ?? throw new ArgumentNullException(nameof(value));

    /// <summary>PNG. Wire value <c>png</c>.</summary>
    public static OutputFormat Png { get; } = new("png");

    /// <summary>JPEG. Wire value <c>jpeg</c>.</summary>
    public static OutputFormat Jpeg { get; } = new("jpeg");

    /// <summary>Every value this version of the SDK knows.</summary>
    public static IReadOnlyList<OutputFormat> KnownValues { get; } = [Png, Jpeg];

    /// <summary>The wire string.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Whether this version of the SDK knows the value.</summary>
    public bool IsKnown => ExtensibleEnum.IsKnown(this, KnownValues);

    IReadOnlyList<OutputFormat> IExtensibleEnum<OutputFormat>.KnownValues => KnownValues;

    /// <summary>Converts a wire string.</summary>
    /// <param name="value">The wire string.</param>
    public static implicit operator OutputFormat(string value) => new(value);

    /// <summary>Compares two values ordinally.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    public static bool operator ==(OutputFormat left, OutputFormat right) => left.Equals(right);

    /// <summary>Compares two values ordinally.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    public static bool operator !=(OutputFormat left, OutputFormat right) => !left.Equals(right);

    /// <inheritdoc/>
    public bool Equals(OutputFormat other) => string.Equals(Value, other.Value, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is OutputFormat other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

    /// <summary>Returns the wire string.</summary>
    public override string ToString() => Value;

    OutputFormat IExtensibleEnum<OutputFormat>.FromWire(string value) => new(value);
}
