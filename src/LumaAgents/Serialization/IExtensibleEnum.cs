namespace LumaAgents.Serialization;

/// <summary>
/// Implemented (explicitly, by the generated half of every extensible enum) so that one generic converter serves
/// them all without reflection. Instance members rather than static abstract ones, because netstandard2.0 has no
/// static abstracts.
/// </summary>
internal interface IExtensibleEnum<T>
    where T : struct
{
    /// <summary>The known values, so the converter can return them without allocating a string.</summary>
    IReadOnlyList<T> KnownValues { get; }

    /// <summary>The wire string (empty when unset).</summary>
    string Value { get; }

    /// <summary>Whether a wire string was given (false for <c>default</c>), so an unset value is never written as <c>""</c>.</summary>
    bool HasValue { get; }

    /// <summary>A value from a wire string the converter does not know.</summary>
    T FromWire(string value);
}
