using System.Diagnostics;
using System.Text.Json.Serialization;
using LumaAgents.Serialization;

namespace LumaAgents;

/// <summary>
/// The resolution of a video output.
/// </summary>
/// <remarks>
/// An extensible enum: any string converts to it, values this SDK version does not know are kept and sent back
/// unchanged, and <see cref="IsKnown"/> tells the two apart. Comparison is ordinal, as on the wire.
/// </remarks>
[JsonConverter(typeof(ExtensibleEnumConverter<VideoResolution>))]
[DebuggerDisplay("{Value,nq}")]
public readonly struct VideoResolution : IEquatable<VideoResolution>, IExtensibleEnum<VideoResolution>
{
    private readonly string? _value;

    /// <summary>Creates a value from its wire string, known or not.</summary>
    /// <param name="value">The wire string, for example <c>360p</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public VideoResolution(string value) => _value = value ?? throw new ArgumentNullException(nameof(value));

    /// <summary>360p. Wire value <c>360p</c>.</summary>
    public static VideoResolution Resolution360p { get; } = new("360p");

    /// <summary>540p. Wire value <c>540p</c>.</summary>
    public static VideoResolution Resolution540p { get; } = new("540p");

    /// <summary>720p (the server's default). Wire value <c>720p</c>.</summary>
    public static VideoResolution Resolution720p { get; } = new("720p");

    /// <summary>1080p. Wire value <c>1080p</c>.</summary>
    public static VideoResolution Resolution1080p { get; } = new("1080p");

    /// <summary>Every value this version of the SDK knows.</summary>
    public static IReadOnlyList<VideoResolution> KnownValues { get; } = [Resolution360p, Resolution540p, Resolution720p, Resolution1080p];

    /// <summary>The wire string.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Whether this version of the SDK knows the value.</summary>
    public bool IsKnown => ExtensibleEnum.IsKnown(this, KnownValues);

    IReadOnlyList<VideoResolution> IExtensibleEnum<VideoResolution>.KnownValues => KnownValues;

    /// <summary>Converts a wire string.</summary>
    /// <param name="value">The wire string.</param>
    public static implicit operator VideoResolution(string value) => new(value);

    /// <summary>Compares two values ordinally.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    public static bool operator ==(VideoResolution left, VideoResolution right) => left.Equals(right);

    /// <summary>Compares two values ordinally.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    public static bool operator !=(VideoResolution left, VideoResolution right) => !left.Equals(right);

    /// <inheritdoc/>
    public bool Equals(VideoResolution other) => string.Equals(Value, other.Value, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is VideoResolution other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

    /// <summary>Returns the wire string.</summary>
    public override string ToString() => Value;

    VideoResolution IExtensibleEnum<VideoResolution>.FromWire(string value) => new(value);
}
