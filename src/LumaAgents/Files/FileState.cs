using System.Diagnostics;
using System.Text.Json.Serialization;
using LumaAgents.Serialization;

namespace LumaAgents;

/// <summary>
/// Where an uploaded file is in its life. Only <see cref="Ready"/> files can be referenced; <see cref="Failed"/> and
/// <see cref="Deleted"/> are final. States this SDK does not know are treated as still pending.
/// </summary>
/// <remarks>
/// An extensible enum: any string converts to it, values this SDK version does not know are kept and sent back
/// unchanged, and <see cref="IsKnown"/> tells the two apart. Comparison is ordinal, as on the wire.
/// </remarks>
[JsonConverter(typeof(ExtensibleEnumConverter<FileState>))]
[DebuggerDisplay("{Value,nq}")]
public readonly struct FileState : IEquatable<FileState>, IExtensibleEnum<FileState>
{
    private readonly string? _value;

    /// <summary>Creates a value from its wire string, known or not.</summary>
    /// <param name="value">The wire string, for example <c>pending</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public FileState(string value) => _value = value ?? throw new ArgumentNullException(nameof(value));

    /// <summary>Created and waiting for its bytes or for ingest and moderation. Wire value <c>pending</c>.</summary>
    public static FileState Pending { get; } = new("pending");

    /// <summary>Ingested: it can be referenced with <see cref="ImageRef.FromUploadedFile"/>. Wire value <c>ready</c>.</summary>
    public static FileState Ready { get; } = new("ready");

    /// <summary>Ingest or moderation refused it; see <see cref="LumaFile.FailureReason"/>. Wire value <c>failed</c>.</summary>
    public static FileState Failed { get; } = new("failed");

    /// <summary>Deleted (or expired): it can no longer be referenced. Wire value <c>deleted</c>.</summary>
    public static FileState Deleted { get; } = new("deleted");

    /// <summary>Every value this version of the SDK knows.</summary>
    public static IReadOnlyList<FileState> KnownValues { get; } = [Pending, Ready, Failed, Deleted];

    /// <summary>The wire string.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Whether this version of the SDK knows the value.</summary>
    public bool IsKnown => ExtensibleEnum.IsKnown(this, KnownValues);

    IReadOnlyList<FileState> IExtensibleEnum<FileState>.KnownValues => KnownValues;

    /// <summary>Converts a wire string.</summary>
    /// <param name="value">The wire string.</param>
    public static implicit operator FileState(string value) => new(value);

    /// <summary>Compares two values ordinally.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    public static bool operator ==(FileState left, FileState right) => left.Equals(right);

    /// <summary>Compares two values ordinally.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    public static bool operator !=(FileState left, FileState right) => !left.Equals(right);

    /// <inheritdoc/>
    public bool Equals(FileState other) => string.Equals(Value, other.Value, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is FileState other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

    /// <summary>Returns the wire string.</summary>
    public override string ToString() => Value;

    FileState IExtensibleEnum<FileState>.FromWire(string value) => new(value);
}
