using System.Diagnostics;
using System.Text.Json.Serialization;
using LumaAgents.Serialization;

namespace LumaAgents;

/// <summary>
/// Why a generation failed.
/// </summary>
/// <remarks>
/// An extensible enum: any string converts to it, values this SDK version does not know are kept and sent back
/// unchanged, and <see cref="IsKnown"/> tells the two apart. Comparison is ordinal, as on the wire.
/// </remarks>
[JsonConverter(typeof(ExtensibleEnumConverter<FailureCode>))]
[DebuggerDisplay("{Value,nq}")]
public readonly struct FailureCode : IEquatable<FailureCode>, IExtensibleEnum<FailureCode>
{
    private readonly string? _value;

    /// <summary>Creates a value from its wire string, known or not.</summary>
    /// <param name="value">The wire string, for example <c>content_moderated</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public FailureCode(string value) => _value = value ?? throw new ArgumentNullException(nameof(value));

    /// <summary>The input or output violated content rules. Retrying does not help. Wire value <c>content_moderated</c>.</summary>
    public static FailureCode ContentModerated { get; } = new("content_moderated");

    /// <summary>An internal model error. Resubmitting may help. Wire value <c>generation_failed</c>.</summary>
    public static FailureCode GenerationFailed { get; } = new("generation_failed");

    /// <summary>The balance ran out during the job. Add funds before retrying. Wire value <c>budget_exhausted</c>.</summary>
    public static FailureCode BudgetExhausted { get; } = new("budget_exhausted");

    /// <summary>The output could not be retrieved. Resubmitting may help. Wire value <c>output_not_found</c>.</summary>
    public static FailureCode OutputNotFound { get; } = new("output_not_found");

    /// <summary>An input image was too large. Wire value <c>image_too_large</c>.</summary>
    public static FailureCode ImageTooLarge { get; } = new("image_too_large");

    /// <summary>An input was in a format the service does not accept. Wire value <c>unsupported_format</c>.</summary>
    public static FailureCode UnsupportedFormat { get; } = new("unsupported_format");

    /// <summary>An input could not be decoded. Wire value <c>corrupt_input</c>.</summary>
    public static FailureCode CorruptInput { get; } = new("corrupt_input");

    /// <summary>The request was rejected during processing. Wire value <c>invalid_request</c>.</summary>
    public static FailureCode InvalidRequest { get; } = new("invalid_request");

    /// <summary>An upstream service throttled the job. Resubmitting after a pause likely helps. Wire value <c>rate_limited</c>.</summary>
    public static FailureCode RateLimited { get; } = new("rate_limited");

    /// <summary>Every value this version of the SDK knows.</summary>
    public static IReadOnlyList<FailureCode> KnownValues { get; } = [ContentModerated, GenerationFailed, BudgetExhausted, OutputNotFound, ImageTooLarge, UnsupportedFormat, CorruptInput, InvalidRequest, RateLimited];

    /// <summary>The wire string.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Whether this version of the SDK knows the value.</summary>
    public bool IsKnown => ExtensibleEnum.IsKnown(this, KnownValues);

    IReadOnlyList<FailureCode> IExtensibleEnum<FailureCode>.KnownValues => KnownValues;

    /// <summary>Converts a wire string.</summary>
    /// <param name="value">The wire string.</param>
    public static implicit operator FailureCode(string value) => new(value);

    /// <summary>Compares two values ordinally.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    public static bool operator ==(FailureCode left, FailureCode right) => left.Equals(right);

    /// <summary>Compares two values ordinally.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    public static bool operator !=(FailureCode left, FailureCode right) => !left.Equals(right);

    /// <inheritdoc/>
    public bool Equals(FailureCode other) => string.Equals(Value, other.Value, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is FailureCode other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

    /// <summary>Returns the wire string.</summary>
    public override string ToString() => Value;

    FailureCode IExtensibleEnum<FailureCode>.FromWire(string value) => new(value);
}
