using System.Diagnostics;
using System.Text.Json.Serialization;
using LumaAgents.Serialization;

namespace LumaAgents;

/// <summary>
/// The model that runs a generation. Known: <c>uni-1</c> (images, the default), <c>uni-1-max</c> (higher-quality images), <c>ray-3.2</c> (video).
/// </summary>
/// <remarks>
/// An extensible enum: any string converts to it, values this SDK version does not know are kept and sent back
/// unchanged, and <see cref="IsKnown"/> tells the two apart. Comparison is ordinal, as on the wire.
/// </remarks>
[JsonConverter(typeof(ExtensibleEnumConverter<GenerationModel>))]
[DebuggerDisplay("{Value,nq}")]
public readonly struct GenerationModel : IEquatable<GenerationModel>, IExtensibleEnum<GenerationModel>
{
    private readonly string? _value;

    /// <summary>Creates a value from its wire string, known or not.</summary>
    /// <param name="value">The wire string, for example <c>uni-1</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public GenerationModel(string value) => _value = value ?? throw new ArgumentNullException(nameof(value));

    /// <summary>The uni-1 image model (the server's default). Wire value <c>uni-1</c>.</summary>
    public static GenerationModel Uni1 { get; } = new("uni-1");

    /// <summary>The uni-1-max image model: higher quality, about twice as slow. Wire value <c>uni-1-max</c>.</summary>
    public static GenerationModel Uni1Max { get; } = new("uni-1-max");

    /// <summary>The ray-3.2 video model. Wire value <c>ray-3.2</c>.</summary>
    public static GenerationModel Ray32 { get; } = new("ray-3.2");

    /// <summary>Every value this version of the SDK knows.</summary>
    public static IReadOnlyList<GenerationModel> KnownValues { get; } = [Uni1, Uni1Max, Ray32];

    /// <summary>The wire string.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Whether this version of the SDK knows the value.</summary>
    public bool IsKnown => ExtensibleEnum.IsKnown(this, KnownValues);

    IReadOnlyList<GenerationModel> IExtensibleEnum<GenerationModel>.KnownValues => KnownValues;

    /// <summary>Converts a wire string.</summary>
    /// <param name="value">The wire string.</param>
    public static implicit operator GenerationModel(string value) => new(value);

    /// <summary>Compares two values ordinally.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    public static bool operator ==(GenerationModel left, GenerationModel right) => left.Equals(right);

    /// <summary>Compares two values ordinally.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    public static bool operator !=(GenerationModel left, GenerationModel right) => !left.Equals(right);

    /// <inheritdoc/>
    public bool Equals(GenerationModel other) => string.Equals(Value, other.Value, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is GenerationModel other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

    /// <summary>Returns the wire string.</summary>
    public override string ToString() => Value;

    GenerationModel IExtensibleEnum<GenerationModel>.FromWire(string value) => new(value);
}
