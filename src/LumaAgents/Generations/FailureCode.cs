using System.Text.Json.Serialization;
using LumaAgents.Serialization;

namespace LumaAgents;

/// <summary>
/// Why a generation failed.
/// </summary>
[ExtensibleEnum]
[JsonConverter(typeof(ExtensibleEnumConverter<FailureCode>))]
public readonly partial struct FailureCode
{
    /// <summary>The input or output violated content rules. Retrying does not help. Wire value <c>content_moderated</c>.</summary>
    [WireValue("content_moderated")]
    public static partial FailureCode ContentModerated { get; }

    /// <summary>An internal model error. Resubmitting may help. Wire value <c>generation_failed</c>.</summary>
    [WireValue("generation_failed")]
    public static partial FailureCode GenerationFailed { get; }

    /// <summary>The balance ran out during the job. Add funds before retrying. Wire value <c>budget_exhausted</c>.</summary>
    [WireValue("budget_exhausted")]
    public static partial FailureCode BudgetExhausted { get; }

    /// <summary>The output could not be retrieved. Resubmitting may help. Wire value <c>output_not_found</c>.</summary>
    [WireValue("output_not_found")]
    public static partial FailureCode OutputNotFound { get; }

    /// <summary>An input image was too large. Wire value <c>image_too_large</c>.</summary>
    [WireValue("image_too_large")]
    public static partial FailureCode ImageTooLarge { get; }

    /// <summary>An input was in a format the service does not accept. Wire value <c>unsupported_format</c>.</summary>
    [WireValue("unsupported_format")]
    public static partial FailureCode UnsupportedFormat { get; }

    /// <summary>An input could not be decoded. Wire value <c>corrupt_input</c>.</summary>
    [WireValue("corrupt_input")]
    public static partial FailureCode CorruptInput { get; }

    /// <summary>The request was rejected during processing. Wire value <c>invalid_request</c>.</summary>
    [WireValue("invalid_request")]
    public static partial FailureCode InvalidRequest { get; }

    /// <summary>An upstream service throttled the job. Resubmitting after a pause likely helps. Wire value <c>rate_limited</c>.</summary>
    [WireValue("rate_limited")]
    public static partial FailureCode RateLimited { get; }
}
