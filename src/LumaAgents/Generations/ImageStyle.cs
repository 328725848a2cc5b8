using System.Diagnostics;
using System.Text.Json.Serialization;
using LumaAgents.Serialization;

namespace LumaAgents;

/// <summary>
/// The visual style of an image.
/// </summary>
/// <remarks>
/// An extensible enum: any string converts to it, values this SDK version does not know are kept and sent back
/// unchanged, and <see cref="IsKnown"/> tells the two apart. Comparison is ordinal, as on the wire.
/// </remarks>
[JsonConverter(typeof(ExtensibleEnumConverter<ImageStyle>))]
[DebuggerDisplay("{Value,nq}")]
public readonly struct ImageStyle : IEquatable<ImageStyle>, IExtensibleEnum<ImageStyle>
{
    private readonly string? _value;

    /// <summary>Creates a value from its wire string, known or not.</summary>
    /// <param name="value">The wire string, for example <c>auto</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public ImageStyle(string value) => _value = value ?? throw new ArgumentNullException(nameof(value));

    /// <summary>The model chooses (the server's default). Wire value <c>auto</c>.</summary>
    public static ImageStyle Auto { get; } = new("auto");

    /// <summary>Manga style; needs a portrait aspect ratio (2:3, 9:16, 1:2 or 1:3). Wire value <c>manga</c>.</summary>
    public static ImageStyle Manga { get; } = new("manga");

    /// <summary>Every value this version of the SDK knows.</summary>
    public static IReadOnlyList<ImageStyle> KnownValues { get; } = [Auto, Manga];

    /// <summary>The wire string.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Whether this version of the SDK knows the value.</summary>
    public bool IsKnown => ExtensibleEnum.IsKnown(this, KnownValues);

    IReadOnlyList<ImageStyle> IExtensibleEnum<ImageStyle>.KnownValues => KnownValues;

    /// <summary>Converts a wire string.</summary>
    /// <param name="value">The wire string.</param>
    public static implicit operator ImageStyle(string value) => new(value);

    /// <summary>Compares two values ordinally.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    public static bool operator ==(ImageStyle left, ImageStyle right) => left.Equals(right);

    /// <summary>Compares two values ordinally.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    public static bool operator !=(ImageStyle left, ImageStyle right) => !left.Equals(right);

    /// <inheritdoc/>
    public bool Equals(ImageStyle other) => string.Equals(Value, other.Value, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is ImageStyle other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

    /// <summary>Returns the wire string.</summary>
    public override string ToString() => Value;

    ImageStyle IExtensibleEnum<ImageStyle>.FromWire(string value) => new(value);
}
