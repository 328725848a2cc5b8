using System.Diagnostics;
using System.Text.Json.Serialization;
using LumaAgents.Serialization;

namespace LumaAgents;

/// <summary>
/// What a generation does.
/// </summary>
/// <remarks>
/// An extensible enum: any string converts to it, values this SDK version does not know are kept and sent back
/// unchanged, and <see cref="IsKnown"/> tells the two apart. Comparison is ordinal, as on the wire.
/// </remarks>
[JsonConverter(typeof(ExtensibleEnumConverter<GenerationType>))]
[DebuggerDisplay("{Value,nq}")]
public readonly struct GenerationType : IEquatable<GenerationType>, IExtensibleEnum<GenerationType>
{
    private readonly string? _value;

    /// <summary>Creates a value from its wire string, known or not.</summary>
    /// <param name="value">The wire string, for example <c>image</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public GenerationType(string value) => _value = value ?? throw new ArgumentNullException(nameof(value));

    /// <summary>Create an image from a prompt (the server's default). Wire value <c>image</c>.</summary>
    public static GenerationType Image { get; } = new("image");

    /// <summary>Edit a source image. Wire value <c>image_edit</c>.</summary>
    public static GenerationType ImageEdit { get; } = new("image_edit");

    /// <summary>Create a video (ray-3.2). Wire value <c>video</c>.</summary>
    public static GenerationType Video { get; } = new("video");

    /// <summary>Edit a source video (ray-3.2). Wire value <c>video_edit</c>.</summary>
    public static GenerationType VideoEdit { get; } = new("video_edit");

    /// <summary>Reframe a source video to another aspect ratio (ray-3.2). Wire value <c>video_reframe</c>.</summary>
    public static GenerationType VideoReframe { get; } = new("video_reframe");

    /// <summary>Split an image into layers. Wire value <c>layering</c>.</summary>
    public static GenerationType Layering { get; } = new("layering");

    /// <summary>Every value this version of the SDK knows.</summary>
    public static IReadOnlyList<GenerationType> KnownValues { get; } = [Image, ImageEdit, Video, VideoEdit, VideoReframe, Layering];

    /// <summary>Whether this is one of the video types (<c>video</c>, <c>video_edit</c>, <c>video_reframe</c>), made by ray-3.2.</summary>
    public bool IsVideo => this == Video || this == VideoEdit || this == VideoReframe;

    /// <summary>The wire string.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Whether this version of the SDK knows the value.</summary>
    public bool IsKnown => ExtensibleEnum.IsKnown(this, KnownValues);

    IReadOnlyList<GenerationType> IExtensibleEnum<GenerationType>.KnownValues => KnownValues;

    /// <summary>Converts a wire string.</summary>
    /// <param name="value">The wire string.</param>
    public static implicit operator GenerationType(string value) => new(value);

    /// <summary>Compares two values ordinally.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    public static bool operator ==(GenerationType left, GenerationType right) => left.Equals(right);

    /// <summary>Compares two values ordinally.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    public static bool operator !=(GenerationType left, GenerationType right) => !left.Equals(right);

    /// <inheritdoc/>
    public bool Equals(GenerationType other) => string.Equals(Value, other.Value, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is GenerationType other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

    /// <summary>Returns the wire string.</summary>
    public override string ToString() => Value;

    GenerationType IExtensibleEnum<GenerationType>.FromWire(string value) => new(value);
}
