using System.Diagnostics;
using System.Text.Json.Serialization;
using LumaAgents.Serialization;

namespace LumaAgents;

/// <summary>
/// How far a video edit may move away from its source, from adhering closely to reimagining freely.
/// </summary>
/// <remarks>
/// An extensible enum: any string converts to it, values this SDK version does not know are kept and sent back
/// unchanged, and <see cref="IsKnown"/> tells the two apart. Comparison is ordinal, as on the wire.
/// </remarks>
[JsonConverter(typeof(ExtensibleEnumConverter<VideoEditStrength>))]
[DebuggerDisplay("{Value,nq}")]
public readonly struct VideoEditStrength : IEquatable<VideoEditStrength>, IExtensibleEnum<VideoEditStrength>
{
    private readonly string? _value;

    /// <summary>Creates a value from its wire string, known or not.</summary>
    /// <param name="value">The wire string, for example <c>adhere_1</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public VideoEditStrength(string value) => _value = value ?? throw new ArgumentNullException(nameof(value));

    /// <summary>Adhere, level 1. Wire value <c>adhere_1</c>.</summary>
    public static VideoEditStrength Adhere1 { get; } = new("adhere_1");

    /// <summary>Adhere, level 2. Wire value <c>adhere_2</c>.</summary>
    public static VideoEditStrength Adhere2 { get; } = new("adhere_2");

    /// <summary>Adhere, level 3. Wire value <c>adhere_3</c>.</summary>
    public static VideoEditStrength Adhere3 { get; } = new("adhere_3");

    /// <summary>Flex, level 1. Wire value <c>flex_1</c>.</summary>
    public static VideoEditStrength Flex1 { get; } = new("flex_1");

    /// <summary>Flex, level 2. Wire value <c>flex_2</c>.</summary>
    public static VideoEditStrength Flex2 { get; } = new("flex_2");

    /// <summary>Flex, level 3. Wire value <c>flex_3</c>.</summary>
    public static VideoEditStrength Flex3 { get; } = new("flex_3");

    /// <summary>Reimagine, level 1. Wire value <c>reimagine_1</c>.</summary>
    public static VideoEditStrength Reimagine1 { get; } = new("reimagine_1");

    /// <summary>Reimagine, level 2. Wire value <c>reimagine_2</c>.</summary>
    public static VideoEditStrength Reimagine2 { get; } = new("reimagine_2");

    /// <summary>Reimagine, level 3. Wire value <c>reimagine_3</c>.</summary>
    public static VideoEditStrength Reimagine3 { get; } = new("reimagine_3");

    /// <summary>Every value this version of the SDK knows.</summary>
    public static IReadOnlyList<VideoEditStrength> KnownValues { get; } = [Adhere1, Adhere2, Adhere3, Flex1, Flex2, Flex3, Reimagine1, Reimagine2, Reimagine3];

    /// <summary>The wire string.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Whether this version of the SDK knows the value.</summary>
    public bool IsKnown => ExtensibleEnum.IsKnown(this, KnownValues);

    IReadOnlyList<VideoEditStrength> IExtensibleEnum<VideoEditStrength>.KnownValues => KnownValues;

    /// <summary>Converts a wire string.</summary>
    /// <param name="value">The wire string.</param>
    public static implicit operator VideoEditStrength(string value) => new(value);

    /// <summary>Compares two values ordinally.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    public static bool operator ==(VideoEditStrength left, VideoEditStrength right) => left.Equals(right);

    /// <summary>Compares two values ordinally.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    public static bool operator !=(VideoEditStrength left, VideoEditStrength right) => !left.Equals(right);

    /// <inheritdoc/>
    public bool Equals(VideoEditStrength other) => string.Equals(Value, other.Value, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is VideoEditStrength other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

    /// <summary>Returns the wire string.</summary>
    public override string ToString() => Value;

    VideoEditStrength IExtensibleEnum<VideoEditStrength>.FromWire(string value) => new(value);
}
