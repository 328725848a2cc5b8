using System.Diagnostics;
using System.Text.Json.Serialization;
using LumaAgents.Serialization;

namespace LumaAgents;

/// <summary>
/// The length of a video output.
/// </summary>
/// <remarks>
/// An extensible enum: any string converts to it, values this SDK version does not know are kept and sent back
/// unchanged, and <see cref="IsKnown"/> tells the two apart. Comparison is ordinal, as on the wire.
/// </remarks>
[JsonConverter(typeof(ExtensibleEnumConverter<VideoDuration>))]
[DebuggerDisplay("{Value,nq}")]
public readonly struct VideoDuration : IEquatable<VideoDuration>, IExtensibleEnum<VideoDuration>
{
    private readonly string? _value;

    /// <summary>Creates a value from its wire string, known or not.</summary>
    /// <param name="value">The wire string, for example <c>5s</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public VideoDuration(string value) => _value = value ?? throw new ArgumentNullException(nameof(value));

    /// <summary>Five seconds (the server's default). Wire value <c>5s</c>.</summary>
    public static VideoDuration Seconds5 { get; } = new("5s");

    /// <summary>Ten seconds. Wire value <c>10s</c>.</summary>
    public static VideoDuration Seconds10 { get; } = new("10s");

    /// <summary>Every value this version of the SDK knows.</summary>
    public static IReadOnlyList<VideoDuration> KnownValues { get; } = [Seconds5, Seconds10];

    /// <summary>The wire string.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Whether this version of the SDK knows the value.</summary>
    public bool IsKnown => ExtensibleEnum.IsKnown(this, KnownValues);

    IReadOnlyList<VideoDuration> IExtensibleEnum<VideoDuration>.KnownValues => KnownValues;

    /// <summary>Converts a wire string.</summary>
    /// <param name="value">The wire string.</param>
    public static implicit operator VideoDuration(string value) => new(value);

    /// <summary>Compares two values ordinally.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    public static bool operator ==(VideoDuration left, VideoDuration right) => left.Equals(right);

    /// <summary>Compares two values ordinally.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    public static bool operator !=(VideoDuration left, VideoDuration right) => !left.Equals(right);

    /// <inheritdoc/>
    public bool Equals(VideoDuration other) => string.Equals(Value, other.Value, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is VideoDuration other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

    /// <summary>Returns the wire string.</summary>
    public override string ToString() => Value;

    VideoDuration IExtensibleEnum<VideoDuration>.FromWire(string value) => new(value);
}
