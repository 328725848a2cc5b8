using System.Diagnostics;
using System.Text.Json.Serialization;
using LumaAgents.Serialization;

namespace LumaAgents;

/// <summary>
/// What an uploaded file is for. The list will grow; values this SDK does not know are kept and sent back.
/// </summary>
/// <remarks>
/// An extensible enum: any string converts to it, values this SDK version does not know are kept and sent back
/// unchanged, and <see cref="IsKnown"/> tells the two apart. Comparison is ordinal, as on the wire.
/// </remarks>
[JsonConverter(typeof(ExtensibleEnumConverter<FilePurpose>))]
[DebuggerDisplay("{Value,nq}")]
public readonly struct FilePurpose : IEquatable<FilePurpose>, IExtensibleEnum<FilePurpose>
{
    private readonly string? _value;

    /// <summary>Creates a value from its wire string, known or not.</summary>
    /// <param name="value">The wire string, for example <c>input</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public FilePurpose(string value) => _value = value ?? throw new ArgumentNullException(nameof(value));

    /// <summary>The primary subject of a generation (the image to edit, the video to extend). Wire value <c>input</c>.</summary>
    public static FilePurpose Input { get; } = new("input");

    /// <summary>Style or content guidance. Wire value <c>reference</c>.</summary>
    public static FilePurpose Reference { get; } = new("reference");

    /// <summary>Every value this version of the SDK knows.</summary>
    public static IReadOnlyList<FilePurpose> KnownValues { get; } = [Input, Reference];

    /// <summary>The wire string.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Whether this version of the SDK knows the value.</summary>
    public bool IsKnown => ExtensibleEnum.IsKnown(this, KnownValues);

    IReadOnlyList<FilePurpose> IExtensibleEnum<FilePurpose>.KnownValues => KnownValues;

    /// <summary>Converts a wire string.</summary>
    /// <param name="value">The wire string.</param>
    public static implicit operator FilePurpose(string value) => new(value);

    /// <summary>Compares two values ordinally.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    public static bool operator ==(FilePurpose left, FilePurpose right) => left.Equals(right);

    /// <summary>Compares two values ordinally.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    public static bool operator !=(FilePurpose left, FilePurpose right) => !left.Equals(right);

    /// <inheritdoc/>
    public bool Equals(FilePurpose other) => string.Equals(Value, other.Value, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is FilePurpose other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

    /// <summary>Returns the wire string.</summary>
    public override string ToString() => Value;

    FilePurpose IExtensibleEnum<FilePurpose>.FromWire(string value) => new(value);
}
