using System.Diagnostics;
using System.Text.Json.Serialization;
using LumaAgents.Serialization;

namespace LumaAgents;

/// <summary>
/// The aspect ratio of an output. Images accept 3:1, 2:1, 16:9, 3:2, 1:1, 2:3, 9:16, 1:2 and 1:3; video and reframe accept 9:16, 3:4, 1:1, 4:3, 16:9 and 21:9.
/// </summary>
/// <remarks>
/// An extensible enum: any string converts to it, values this SDK version does not know are kept and sent back
/// unchanged, and <see cref="IsKnown"/> tells the two apart. Comparison is ordinal, as on the wire.
/// </remarks>
[JsonConverter(typeof(ExtensibleEnumConverter<AspectRatio>))]
[DebuggerDisplay("{Value,nq}")]
public readonly struct AspectRatio : IEquatable<AspectRatio>, IExtensibleEnum<AspectRatio>
{
    private readonly string? _value;

    /// <summary>Creates a value from its wire string, known or not.</summary>
    /// <param name="value">The wire string, for example <c>3:1</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public AspectRatio(string value) => _value = value ?? throw new ArgumentNullException(nameof(value));

    /// <summary>3:1 (images). Wire value <c>3:1</c>.</summary>
    public static AspectRatio Ratio3x1 { get; } = new("3:1");

    /// <summary>2:1 (images). Wire value <c>2:1</c>.</summary>
    public static AspectRatio Ratio2x1 { get; } = new("2:1");

    /// <summary>21:9 (video). Wire value <c>21:9</c>.</summary>
    public static AspectRatio Ratio21x9 { get; } = new("21:9");

    /// <summary>16:9 (images and video). Wire value <c>16:9</c>.</summary>
    public static AspectRatio Ratio16x9 { get; } = new("16:9");

    /// <summary>4:3 (video). Wire value <c>4:3</c>.</summary>
    public static AspectRatio Ratio4x3 { get; } = new("4:3");

    /// <summary>3:2 (images). Wire value <c>3:2</c>.</summary>
    public static AspectRatio Ratio3x2 { get; } = new("3:2");

    /// <summary>1:1 (images and video). Wire value <c>1:1</c>.</summary>
    public static AspectRatio Ratio1x1 { get; } = new("1:1");

    /// <summary>3:4 (video). Wire value <c>3:4</c>.</summary>
    public static AspectRatio Ratio3x4 { get; } = new("3:4");

    /// <summary>2:3 (images). Wire value <c>2:3</c>.</summary>
    public static AspectRatio Ratio2x3 { get; } = new("2:3");

    /// <summary>9:16 (images and video). Wire value <c>9:16</c>.</summary>
    public static AspectRatio Ratio9x16 { get; } = new("9:16");

    /// <summary>1:2 (images). Wire value <c>1:2</c>.</summary>
    public static AspectRatio Ratio1x2 { get; } = new("1:2");

    /// <summary>1:3 (images). Wire value <c>1:3</c>.</summary>
    public static AspectRatio Ratio1x3 { get; } = new("1:3");

    /// <summary>Every value this version of the SDK knows.</summary>
    public static IReadOnlyList<AspectRatio> KnownValues { get; } = [Ratio3x1, Ratio2x1, Ratio21x9, Ratio16x9, Ratio4x3, Ratio3x2, Ratio1x1, Ratio3x4, Ratio2x3, Ratio9x16, Ratio1x2, Ratio1x3];

    /// <summary>The wire string.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Whether this version of the SDK knows the value.</summary>
    public bool IsKnown => ExtensibleEnum.IsKnown(this, KnownValues);

    IReadOnlyList<AspectRatio> IExtensibleEnum<AspectRatio>.KnownValues => KnownValues;

    /// <summary>Converts a wire string.</summary>
    /// <param name="value">The wire string.</param>
    public static implicit operator AspectRatio(string value) => new(value);

    /// <summary>Compares two values ordinally.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    public static bool operator ==(AspectRatio left, AspectRatio right) => left.Equals(right);

    /// <summary>Compares two values ordinally.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    public static bool operator !=(AspectRatio left, AspectRatio right) => !left.Equals(right);

    /// <inheritdoc/>
    public bool Equals(AspectRatio other) => string.Equals(Value, other.Value, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is AspectRatio other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

    /// <summary>Returns the wire string.</summary>
    public override string ToString() => Value;

    AspectRatio IExtensibleEnum<AspectRatio>.FromWire(string value) => new(value);
}
